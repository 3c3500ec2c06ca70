// Recurrence phrases of 7.1, each read into an RRULE of the 7.2 subset (canonical spelling).
import { type Freq, formatRule, WEEKDAYS, type Weekday } from "@todo/recurrence";
import { COUNT, MONTH_DAY, WEEKDAY, WEEKDAY_WORDS } from "./grammar.ts";
import { type Form, words } from "./scan.ts";

const UNITS: Record<string, Freq> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" };

function every(unit: string | undefined, interval = 1, byMonthDay?: number): string | null {
  const freq = UNITS[unit?.toLowerCase() ?? ""];
  return freq ? formatRule({ freq, interval, ...(byMonthDay === undefined ? {} : { byMonthDay }) }) : null;
}

/** Days in Monday-first order, each once (`every fri, mon, fri` is MO,FR). */
function weekly(byDay: (Weekday | undefined)[]): string {
  return formatRule({ freq: "WEEKLY", interval: 1, byDay: WEEKDAYS.filter((d) => byDay.includes(d)) });
}

const DAY_LIST = String.raw`(?:${WEEKDAY})(?:\s*,\s*(?:${WEEKDAY}))*`;

export const repeatForms: Form<string>[] = [
  { pattern: words("daily"), read: () => every("day") },
  { pattern: words("weekly"), read: () => every("week") },
  { pattern: words("monthly"), read: () => every("month") },
  { pattern: words("yearly"), read: () => every("year") },
  { pattern: words(String.raw`every\s+(day|week|month|year)`), read: (m) => every(m[1]) },
  { pattern: words(String.raw`every\s+(${COUNT})\s+(day|week|month|year)s?`), read: (m) => every(m[2], Number(m[1])) },
  {
    pattern: words(String.raw`every\s+(?:(${COUNT})\s+months|month)\s+on\s+the\s+(${MONTH_DAY})`),
    read: (m) => every("month", Number(m[1] ?? 1), Number.parseInt(m[2] ?? "", 10)),
  },
  { pattern: words(String.raw`every\s+weekday`), read: () => weekly(["MO", "TU", "WE", "TH", "FR"]) },
  { pattern: words(String.raw`every\s+weekend`), read: () => weekly(["SA", "SU"]) },
  {
    pattern: words(String.raw`every\s+(${DAY_LIST})`),
    read: (m) => weekly((m[1] ?? "").split(/\s*,\s*/).map((d) => WEEKDAY_WORDS[d.toLowerCase()]?.rrule)),
  },
];
