// Clock times of 7.1, each with an optional leading `at`. The value is the wall-clock `HH:MM`.
import { type Form, words } from "./scan.ts";

const AT = String.raw`(?:at\s+)?`;
/** A bare hour must not run on into `:30` (then it is `17:00` form or nothing). */
const NOT_MINUTES = String.raw`(?!:\d)`;

function hhmm(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export const timeForms: Form<string>[] = [
  {
    // 5pm, 5:30pm, 12am
    pattern: words(String.raw`${AT}(\d{1,2})(?::(\d{2}))?(am|pm)`),
    read: (m) => {
      const hour = Number(m[1]);
      if (hour < 1 || hour > 12) return null;
      return hhmm((hour % 12) + (m[3]?.toLowerCase() === "pm" ? 12 : 0), Number(m[2] ?? 0));
    },
  },
  { pattern: words(String.raw`${AT}(\d{1,2}):(\d{2})`), read: (m) => hhmm(Number(m[1]), Number(m[2])) },
  { pattern: words(String.raw`at\s+(\d{1,2})${NOT_MINUTES}`), read: (m) => hhmm(Number(m[1]), 0) },
  { pattern: words(`${AT}noon`), read: () => "12:00" },
  { pattern: words(`${AT}midnight`), read: () => "00:00" },
];
