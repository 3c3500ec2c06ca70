// rrule 2.8 ships an ES module build (used by bundlers) and a CommonJS main (used by Node, which
// does not see its named exports): take the classes from whichever shape we were given.
import * as rruleModule from "rrule";
import { dayToDate } from "./calendar.ts";
import type { Rule } from "./rule.ts";

type RRuleModule = typeof rruleModule;
const lib: RRuleModule = (rruleModule as RRuleModule & { default?: RRuleModule }).default ?? rruleModule;
const { RRule } = lib;
type RRuleInstance = InstanceType<typeof RRule>;

const FREQ = { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY, YEARLY: RRule.YEARLY };
const DAY = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };

/**
 * The rule as an rrule iterator starting at `start` (a day). Days are UTC-midnight Dates that
 * rrule treats as floating, so no zone or daylight-saving offset takes part in the arithmetic.
 * `count` overrides the rule's COUNT (the occurrences left from `start` on).
 */
export function toRRule(rule: Rule, start: string, count?: number): RRuleInstance {
  const dtstart = dayToDate(start);
  if (!dtstart) throw new RangeError(`not a calendar day: ${start}`);
  return new RRule({
    freq: FREQ[rule.freq],
    interval: rule.interval,
    dtstart,
    wkst: RRule.MO,
    byweekday: rule.byDay
      ? rule.byDay.map((d) => DAY[d])
      : rule.byWeekdayOfMonth
        ? [DAY[rule.byWeekdayOfMonth.day].nth(rule.byWeekdayOfMonth.n)]
        : null,
    bymonthday: rule.byMonthDay ?? null,
    count: count ?? rule.count ?? null,
    until: rule.until ? dayToDate(rule.until) : null,
  });
}
