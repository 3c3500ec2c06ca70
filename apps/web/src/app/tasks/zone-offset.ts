import { wallClockIn } from "@todo/recurrence/zone";
import type { ZoneOffset } from "@/tasks/zone-clock";

const MINUTE = 60_000;
const HALF_DAY = 12 * 60 * MINUTE;

/** The zone's offset from UTC at `instant`, in whole minutes. */
function offsetAt(zone: string, instant: number): number {
  const at = Math.floor(instant / MINUTE) * MINUTE;
  const { date, time } = wallClockIn(zone, new Date(at));
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
  );
  return Math.round((wall - at) / MINUTE);
}

/** Between `same` (offset `minutes`) and `other` (another offset), the last minute that still has `minutes`. */
function lastSame(zone: string, minutes: number, same: number, other: number): number {
  let a = same;
  let b = other;
  while (Math.abs(b - a) > MINUTE) {
    const middle = a + Math.round((b - a) / 2 / MINUTE) * MINUTE;
    if (offsetAt(zone, middle) === minutes) a = middle;
    else b = middle;
  }
  return a;
}

/**
 * The person's UTC offset for the page, and the window around now in which it holds (at most
 * twelve hours each way; a daylight-saving change ends it where it falls). The browser computes
 * today and the time from it without loading Intl (ADR 0148). Null for an unknown zone.
 */
export function zoneOffset(zone: string | null | undefined, now = Date.now()): ZoneOffset | null {
  if (!zone) return null;
  try {
    const start = Math.floor(now / MINUTE) * MINUTE;
    const minutes = offsetAt(zone, start);
    const back = start - HALF_DAY;
    const ahead = start + HALF_DAY;
    const from = offsetAt(zone, back) === minutes ? back : lastSame(zone, minutes, start, back);
    // Exclusive: the first minute with the next offset.
    const until = offsetAt(zone, ahead) === minutes ? ahead : lastSame(zone, minutes, start, ahead) + MINUTE;
    return { zone, minutes, from, until };
  } catch {
    return null;
  }
}
