export {
  addDays,
  addMonths,
  dateToDay,
  dayToDate,
  isDay,
  isoWeekday,
  makeDay,
  nextWeekday,
} from "./calendar.ts";
export { describeRule, ordinal } from "./describe.ts";
export { firstOccurrence, type NextInput, nextOccurrence, type Occurrence } from "./next.ts";
export { FREQS, type Freq, formatRule, parseRule, type Rule, type RuleResult, WEEKDAYS, type Weekday } from "./rule.ts";
export { isTimeZone, todayIn, type WallClock, wallClockIn } from "./zone.ts";
