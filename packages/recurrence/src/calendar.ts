// Calendar days as `YYYY-MM-DD` strings. Arithmetic goes through UTC-midnight `Date`s, so the
// platform's Gregorian calendar does month lengths and leap years and no zone offset can shift a day.

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC-midnight Date of a `YYYY-MM-DD` day, or null when the text is not a real day (2026-02-30). */
export function dayToDate(day: string): Date | null {
  const m = DAY_PATTERN.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === date ? d : null;
}

export function isDay(day: string): boolean {
  return dayToDate(day) !== null;
}

export function dateToDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A day that must be valid: for days this package produced itself. */
function toDate(day: string): Date {
  const d = dayToDate(day);
  if (!d) throw new RangeError(`not a calendar day: ${day}`);
  return d;
}

export function addDays(day: string, n: number): string {
  return dateToDay(new Date(toDate(day).getTime() + n * DAY_MS));
}

/** Adds months, clamping to the month's last day (Jan 31 + 1 month = Feb 28), as date libraries do. */
export function addMonths(day: string, n: number): string {
  const d = toDate(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return dateToDay(first);
}

/** Builds a day from parts; null when the parts are not a real day. */
export function makeDay(year: number, month: number, date: number): string | null {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
  return isDay(text) ? text : null;
}

/** ISO weekday: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((toDate(day).getUTCDay() + 6) % 7) + 1;
}

/** The first day strictly after `day` that falls on ISO weekday `weekday`. */
export function nextWeekday(day: string, weekday: number): string {
  const ahead = (weekday - isoWeekday(day) + 7) % 7 || 7;
  return addDays(day, ahead);
}
