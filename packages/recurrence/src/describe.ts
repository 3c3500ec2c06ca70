// A rule in English words for the web ("Every month on the 1st"). Written over our own subset
// rather than rrule's toText, whose phrasing ("every month on the last", "for 5 times") reads badly.
import { dayToDate } from "./calendar.ts";
import { parseRule, type Rule, type Weekday } from "./rule.ts";

const SHORT: Record<Weekday, string> = { MO: "Mon", TU: "Tue", WE: "Wed", TH: "Thu", FR: "Fri", SA: "Sat", SU: "Sun" };
const LONG: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
const UNIT = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" } as const;
const POSITION: Record<string, string> = { "1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth" };
const POSITION_FROM_END: Record<string, string> = { "-1": "last", "-2": "second to last", "-3": "third to last" };

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

function every(rule: Rule): string {
  const unit = UNIT[rule.freq];
  return rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`;
}

function body(rule: Rule): string {
  const days = rule.byDay?.join(",");
  if (rule.interval === 1 && days === "MO,TU,WE,TH,FR") return "Every weekday";
  if (rule.interval === 1 && days === "SA,SU") return "Every weekend";
  if (rule.byDay?.length) return `${every(rule)} on ${rule.byDay.map((d) => SHORT[d]).join(", ")}`;
  if (rule.byWeekdayOfMonth) {
    const { n, day } = rule.byWeekdayOfMonth;
    const position = n > 0 ? POSITION[n] : (POSITION_FROM_END[n] ?? `${ordinal(-n)} to last`);
    return `${every(rule)} on the ${position} ${LONG[day]}`;
  }
  if (rule.byMonthDay === -1) return `${every(rule)} on the last day`;
  if (rule.byMonthDay !== undefined) return `${every(rule)} on the ${ordinal(rule.byMonthDay)}`;
  return every(rule);
}

/** English words for a rule (text or parsed); a text that is not a valid rule throws RangeError. */
export function describeRule(input: string | Rule): string {
  let rule: Rule;
  if (typeof input === "string") {
    const parsed = parseRule(input);
    if (!parsed.ok) throw new RangeError(parsed.error);
    rule = parsed.rule;
  } else {
    rule = input;
  }
  let text = body(rule);
  if (rule.count !== undefined) text += rule.count === 1 ? ", once" : `, ${rule.count} times`;
  if (rule.until !== undefined) {
    const until = dayToDate(rule.until) ?? new Date(Number.NaN);
    const words = until.toLocaleDateString("en-US", {
      timeZone: "UTC",
      month: "long",
      day: "numeric",
      year: "numeric",
    });
    text += `, until ${words}`;
  }
  return text;
}
