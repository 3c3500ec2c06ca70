/** How a due date reads on a row: words near today, a short date further out. */
export interface DueLabel {
  text: string;
  /** Before today, or today with its time already past. */
  overdue: boolean;
  /** For screen readers and the title tooltip: the full date. */
  long: string;
}

const DAY_MS = 86_400_000;

// A DateTimeFormat is costly to build and cheap to use: rows share one per locale and shape
// (building two per row was most of the rows' own time in a profile of the task page).
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/**
 * `today` is `YYYY-MM-DD` in the person's zone and `nowTime` `HH:MM` there; formats
 * use the browser's locale (Intl, no date library in the bundle).
 */
export function dueLabel(
  dueDate: string,
  dueTime: string | null,
  today: string,
  nowTime = "00:00",
  locale?: string,
): DueLabel {
  const days = Math.round((dayNumber(dueDate) - dayNumber(today)) / DAY_MS);
  const date = new Date(dayNumber(dueDate));
  const fmt = (options: Intl.DateTimeFormatOptions) => formatFor(locale, { timeZone: "UTC", ...options }).format(date);
  let text: string;
  if (days === 0) text = "Today";
  else if (days === 1) text = "Tomorrow";
  else if (days === -1) text = "Yesterday";
  else if (days > 1 && days < 7) text = fmt({ weekday: "short" });
  else if (dueDate.slice(0, 4) === today.slice(0, 4)) text = fmt({ day: "numeric", month: "short" });
  else text = fmt({ day: "numeric", month: "short", year: "numeric" });
  const overdue = days < 0 || (days === 0 && dueTime !== null && dueTime < nowTime);
  const long = fmt({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return { text: dueTime ? `${text} ${dueTime}` : text, overdue, long: dueTime ? `${long}, ${dueTime}` : long };
}

/** The current wall-clock time (`HH:MM`) in a zone. */
export function nowTimeIn(timeZone: string, now = new Date()): string {
  return formatFor("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(now);
}
