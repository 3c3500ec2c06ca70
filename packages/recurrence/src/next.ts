// Moving a series forward (7.2): next occurrence strictly after both the current due date and
// today. Only calendar days are computed; the due time is a wall-clock label carried unchanged,
// which is what keeps 09:00 at 09:00 across daylight-saving changes (ADR 0043).
import { dateToDay, dayToDate } from "./calendar.ts";
import { toRRule } from "./rrule-lib.ts";
import { parseRule, type Rule } from "./rule.ts";

export interface NextInput {
  /** A rule accepted by `parseRule` (text or parsed). */
  rule: string | Rule;
  /** The occurrence being completed, `YYYY-MM-DD`. */
  dueDate: string;
  dueTime: string | null;
  /** Today in the user's zone (`todayIn(zone, now)`). */
  today: string;
  /** Occurrences of the series before `dueDate` (for COUNT); 0 for a new series. */
  countSoFar?: number;
}

export interface Occurrence {
  dueDate: string;
  dueTime: string | null;
  /** Occurrences of the series before this one, skipped ones included: store it for the next move. */
  countSoFar: number;
}

function ruleOf(rule: string | Rule): Rule {
  if (typeof rule !== "string") return rule;
  const parsed = parseRule(rule);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return parsed.rule;
}

/** The next occurrence, or null when COUNT or UNTIL has ended the series. */
export function nextOccurrence(input: NextInput): Occurrence | null {
  const rule = ruleOf(input.rule);
  const countSoFar = input.countSoFar ?? 0;
  let left: number | undefined;
  if (rule.count !== undefined) {
    left = rule.count - countSoFar;
    if (left <= 1) return null;
  }
  const after = input.dueDate > input.today ? input.dueDate : input.today;
  const limit = dayToDate(after);
  if (!limit) throw new RangeError(`not a calendar day: ${after}`);
  let found: Date | null = null;
  let index = 0;
  // The due date itself is occurrence 0 of this iteration when it matches the rule; every
  // occurrence passed over (the due date, days missed while overdue) uses up COUNT.
  toRRule(rule, input.dueDate, left).all((d, i) => {
    if (d > limit) {
      found = d;
      index = i;
      return false;
    }
    return true;
  });
  if (!found) return null;
  return { dueDate: dateToDay(found), dueTime: input.dueTime, countSoFar: countSoFar + index };
}

/**
 * Where a new series starts: its first occurrence on or after `today`, or strictly after it when
 * `todayCounts` is false (quick add: today counts only while the typed time is still ahead).
 */
export function firstOccurrence(rule: string | Rule, today: string, todayCounts = true): string | null {
  const start = dayToDate(today);
  if (!start) throw new RangeError(`not a calendar day: ${today}`);
  // Anchored on today, so `weekly` typed on a Monday repeats on Mondays even when it starts next week.
  const first = toRRule(ruleOf(rule), today).after(start, todayCounts);
  return first ? dateToDay(first) : null;
}
