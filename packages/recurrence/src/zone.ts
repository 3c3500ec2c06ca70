// The user's wall clock, read through the platform's Intl time-zone data (the same IANA database
// in Node and in browsers), so "today" is the user's day, never the server's or UTC's.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers are told to expect.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** `HH:MM`, 24-hour, in the zone. */
  time: string;
}

/** The calendar day and clock time at instant `now` in `timeZone` (an unknown zone throws RangeError). */
export function wallClockIn(timeZone: string, now: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  return {
    date: `${parts.year?.padStart(4, "0")}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

export function todayIn(timeZone: string, now: Date): string {
  return wallClockIn(timeZone, now).date;
}
