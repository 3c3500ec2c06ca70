import { describe, expect, it } from "vitest";
import { describeRule } from "./describe.ts";

describe("describeRule", () => {
  it.each([
    ["FREQ=DAILY", "Every day"],
    ["FREQ=DAILY;INTERVAL=3", "Every 3 days"],
    ["FREQ=WEEKLY", "Every week"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday"],
    ["FREQ=WEEKLY;BYDAY=SA,SU", "Every weekend"],
    ["FREQ=WEEKLY;BYDAY=MO", "Every week on Mon"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "Every 2 weeks on Mon, Fri"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU", "Every 2 weeks on Sat, Sun"],
    ["FREQ=MONTHLY", "Every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "Every month on the 1st"],
    ["FREQ=MONTHLY;BYMONTHDAY=22", "Every month on the 22nd"],
    ["FREQ=MONTHLY;BYMONTHDAY=13", "Every month on the 13th"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "Every month on the last Friday"],
    ["FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "Every 3 months on the second Tuesday"],
    ["FREQ=YEARLY", "Every year"],
    ["FREQ=YEARLY;INTERVAL=2", "Every 2 years"],
    ["FREQ=DAILY;COUNT=5", "Every day, 5 times"],
    ["FREQ=WEEKLY;BYDAY=MO;UNTIL=20270131", "Every week on Mon, until January 31, 2027"],
  ])("%s → %s", (rule, words) => {
    expect(describeRule(rule)).toBe(words);
  });

  it("refuses a rule outside the subset", () => {
    expect(() => describeRule("FREQ=HOURLY")).toThrow("FREQ=HOURLY is not supported");
  });
});
