// The word lists of contract 7.1.
import { WEEKDAYS, type Weekday } from "@todo/recurrence";

/** Weekday words to ISO weekday (1 = Monday) and RRULE day. */
export const WEEKDAY_WORDS: Record<string, { iso: number; rrule: Weekday }> = {};
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
DAYS.forEach((name, i) => {
  const day = { iso: i + 1, rrule: WEEKDAYS[i] ?? "MO" };
  WEEKDAY_WORDS[name] = day;
  WEEKDAY_WORDS[name.slice(0, 3)] = day;
});

/** Longest first, so `monday` wins over `mon` in an alternation. */
export const WEEKDAY = Object.keys(WEEKDAY_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
export const MONTH = [...MONTHS, ...MONTHS.map((m) => m.slice(0, 3)), "sept"]
  .filter((m, i, all) => all.indexOf(m) === i)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** A day of the month, `5` or `5th`. */
export const MONTH_DAY = String.raw`(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;

/** A count in `in N days` and `every N weeks`. */
export const COUNT = String.raw`[1-9]\d{0,2}`;
