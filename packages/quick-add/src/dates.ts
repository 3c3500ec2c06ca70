// Date phrases of 7.1. Month-name days go through chrono-node (names, abbreviations, ordinals and
// "this year, or next year when already past"); the relative words have 7.1 meanings that chrono
// does not share (`next week` is next Monday, `next month` the 1st), so they are computed here.

import { addDays, addMonths, isDay, makeDay, nextWeekday } from "@todo/recurrence";
import { casual } from "chrono-node/en";
import { COUNT, MONTH, MONTH_DAY, WEEKDAY, WEEKDAY_WORDS } from "./grammar.ts";
import { type Form, words } from "./scan.ts";

export interface Today {
  /** `YYYY-MM-DD` in the user's zone. */
  date: string;
  /** `HH:MM` in the user's zone. */
  time: string;
}

/** A month-name day (`jan 5`, `5 jan`, `january 5th`) on or after today, or null (`feb 30`). */
function monthDay(phrase: string, today: string): string | null {
  // Midnight UTC of today as the reference, read in UTC: chrono then sees the user's calendar day.
  const reference = { instant: new Date(`${today}T00:00:00Z`), timezone: 0 };
  const [result] = casual.parse(phrase, reference, { forwardDate: true });
  if (!result) return null;
  const { start } = result;
  return makeDay(start.get("year") ?? 0, start.get("month") ?? 0, start.get("day") ?? 0);
}

export function dateForms(today: Today): Form<string>[] {
  const day = today.date;
  return [
    { pattern: words("today|tod"), read: () => day },
    { pattern: words("tomorrow|tmr"), read: () => addDays(day, 1) },
    { pattern: words(WEEKDAY), read: (m) => nextWeekday(day, WEEKDAY_WORDS[m[0].toLowerCase()]?.iso ?? 0) },
    { pattern: words(String.raw`next\s+week`), read: () => nextWeekday(day, 1) },
    { pattern: words(String.raw`next\s+month`), read: () => addMonths(`${day.slice(0, 8)}01`, 1) },
    {
      pattern: words(String.raw`in\s+(${COUNT})\s+(day|week|month)s?`),
      read: (m) => {
        const n = Number(m[1]);
        const unit = m[2]?.toLowerCase();
        return unit === "month" ? addMonths(day, n) : addDays(day, unit === "week" ? 7 * n : n);
      },
    },
    {
      pattern: words(String.raw`(?:${MONTH})\s+${MONTH_DAY}|${MONTH_DAY}\s+(?:${MONTH})`),
      read: (m) => monthDay(m[0], day),
    },
    { pattern: words(String.raw`\d{4}-\d{2}-\d{2}`), read: (m) => (isDay(m[0]) ? m[0] : null) },
  ];
}
