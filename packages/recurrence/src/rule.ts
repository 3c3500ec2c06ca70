// The RRULE subset of contract 7.2, checked part by part so every refusal names the part at fault.
import { makeDay } from "./calendar.ts";

export const FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type Freq = (typeof FREQS)[number];
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Rule {
  freq: Freq;
  /** 1..999; 1 when the text has no INTERVAL. */
  interval: number;
  /** WEEKLY only: the days, in Monday-first order, no duplicates. */
  byDay?: Weekday[];
  /** MONTHLY only: one weekday of the month, `n` in 1..5 or -5..-1 (`-1FR` = last Friday). */
  byWeekdayOfMonth?: { n: number; day: Weekday };
  /** MONTHLY only: 1..31, or -1 for the last day. */
  byMonthDay?: number;
  count?: number;
  /** Inclusive last day, `YYYY-MM-DD`. */
  until?: string;
}

export type RuleResult = { ok: true; rule: Rule; text: string } | { ok: false; error: string };

const KNOWN = ["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL"];
const INTEGER = /^[1-9]\d{0,2}$/;

function fail(error: string): RuleResult {
  return { ok: false, error };
}

/** Parses and checks a rule; on success `text` is its canonical spelling (what the API stores). */
export function parseRule(input: string): RuleResult {
  const source = input.trim();
  if (source === "") return fail("the rule is empty");
  if (/^RRULE:/i.test(source)) return fail("the RRULE: prefix is not supported: send the value only");
  const parts = new Map<string, string>();
  for (const piece of source.split(";")) {
    const eq = piece.indexOf("=");
    const key = (eq < 0 ? piece : piece.slice(0, eq)).trim().toUpperCase();
    if (eq < 0 || key === "") return fail(`"${piece}" is not a NAME=VALUE part`);
    if (!KNOWN.includes(key)) return fail(`${key} is not supported`);
    if (parts.has(key)) return fail(`${key} appears more than once`);
    parts.set(
      key,
      piece
        .slice(eq + 1)
        .trim()
        .toUpperCase(),
    );
  }

  const freq = parts.get("FREQ");
  if (freq === undefined) return fail("FREQ is required");
  if (!(FREQS as readonly string[]).includes(freq)) return fail(`FREQ=${freq} is not supported`);
  const rule: Rule = { freq: freq as Freq, interval: 1 };

  const interval = parts.get("INTERVAL");
  if (interval !== undefined) {
    if (!INTEGER.test(interval)) return fail("INTERVAL must be a whole number from 1 to 999");
    rule.interval = Number(interval);
  }

  const byDay = parts.get("BYDAY");
  if (byDay !== undefined) {
    const error = readByDay(rule, byDay);
    if (error) return fail(error);
  }

  const byMonthDay = parts.get("BYMONTHDAY");
  if (byMonthDay !== undefined) {
    if (rule.freq !== "MONTHLY") return fail(`BYMONTHDAY is not supported with FREQ=${rule.freq}`);
    if (rule.byWeekdayOfMonth) return fail("BYMONTHDAY together with BYDAY is not supported");
    const n = Number(byMonthDay);
    if (!(byMonthDay === "-1" || (/^\d{1,2}$/.test(byMonthDay) && n >= 1 && n <= 31))) {
      return fail("BYMONTHDAY must be one day from 1 to 31, or -1 for the last day");
    }
    rule.byMonthDay = n;
  }

  const count = parts.get("COUNT");
  const until = parts.get("UNTIL");
  if (count !== undefined && until !== undefined) return fail("COUNT and UNTIL cannot both be given");
  if (count !== undefined) {
    if (!INTEGER.test(count)) return fail("COUNT must be a whole number from 1 to 999");
    rule.count = Number(count);
  }
  if (until !== undefined) {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
    const day = m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (!day) return fail("UNTIL must be a date written YYYYMMDD (a time of day is not supported)");
    rule.until = day;
  }
  return { ok: true, rule, text: formatRule(rule) };
}

function readByDay(rule: Rule, value: string): string | null {
  const items = value.split(",").map((s) => s.trim());
  if (rule.freq === "WEEKLY") {
    if (!items.every((d) => (WEEKDAYS as readonly string[]).includes(d))) {
      return "BYDAY with FREQ=WEEKLY must be a list of MO, TU, WE, TH, FR, SA, SU";
    }
    rule.byDay = WEEKDAYS.filter((d) => items.includes(d));
    return null;
  }
  if (rule.freq === "MONTHLY") {
    const m = items.length === 1 ? /^([+-]?)([1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(items[0] ?? "") : null;
    if (!m) return "BYDAY with FREQ=MONTHLY must be one weekday with its position, like 1MO or -1FR";
    rule.byWeekdayOfMonth = { n: Number(m[2]) * (m[1] === "-" ? -1 : 1), day: m[3] as Weekday };
    return null;
  }
  return `BYDAY is not supported with FREQ=${rule.freq}`;
}

export function formatRule(rule: Rule): string {
  const out = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) out.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay?.length) out.push(`BYDAY=${rule.byDay.join(",")}`);
  if (rule.byWeekdayOfMonth) out.push(`BYDAY=${rule.byWeekdayOfMonth.n}${rule.byWeekdayOfMonth.day}`);
  if (rule.byMonthDay !== undefined) out.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.count !== undefined) out.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) out.push(`UNTIL=${rule.until.replaceAll("-", "")}`);
  return out.join(";");
}
