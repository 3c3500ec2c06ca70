import { describe, expect, it } from "vitest";
import { firstOccurrence, nextOccurrence } from "./next.ts";
import { isTimeZone, todayIn, wallClockIn } from "./zone.ts";

/** Completes the occurrence due `dueDate` at instant `at`, in `zone`, as the API will. */
function completeAt(rule: string, dueDate: string, dueTime: string | null, at: string, zone: string, countSoFar = 0) {
  return nextOccurrence({ rule, dueDate, dueTime, today: todayIn(zone, new Date(at)), countSoFar });
}

function next(rule: string, dueDate: string, today: string, countSoFar = 0) {
  return nextOccurrence({ rule, dueDate, dueTime: null, today, countSoFar })?.dueDate ?? null;
}

describe("nextOccurrence", () => {
  it("after both: later than the due date and than today, keeping the time as written", () => {
    // completed early: the day after the due date
    expect(
      nextOccurrence({ rule: "FREQ=DAILY", dueDate: "2026-05-10", dueTime: "07:45", today: "2026-05-01" }),
    ).toEqual({ dueDate: "2026-05-11", dueTime: "07:45", countSoFar: 1 });
    // completed late: the first occurrence after today, not today
    expect(next("FREQ=DAILY", "2026-05-01", "2026-05-10")).toBe("2026-05-11");
    expect(next("FREQ=WEEKLY;BYDAY=MO", "2026-05-04", "2026-05-18")).toBe("2026-05-25");
    expect(next("FREQ=WEEKLY;BYDAY=MO", "2026-05-04", "2026-05-17")).toBe("2026-05-18");
  });

  // [zone, due date, completed at (UTC), next due date, occurrences used up]
  it.each([
    // New York springs forward on 2026-03-08: 09:05 EST on the 7th
    ["America/New_York", "2026-03-07", "2026-03-07T14:05:00Z", "2026-03-08", 1],
    // 23:30 EST on the 7th is already the 8th in UTC: today must be the user's
    ["America/New_York", "2026-03-07", "2026-03-08T04:30:00Z", "2026-03-08", 1],
    // 10:30 EDT on the day of the change
    ["America/New_York", "2026-03-08", "2026-03-08T14:30:00Z", "2026-03-09", 1],
    // New York falls back on 2026-11-01: 01:30 EST, the second 01:30 of the night
    ["America/New_York", "2026-10-31", "2026-11-01T06:30:00Z", "2026-11-02", 2],
    ["America/New_York", "2026-11-01", "2026-11-01T14:10:00Z", "2026-11-02", 1],
    // Auckland's DST ends on 2026-04-05: 08:30 NZST on the 5th is still the 4th in UTC
    ["Pacific/Auckland", "2026-04-04", "2026-04-04T20:30:00Z", "2026-04-06", 2],
    // 09:10 NZDT on the 4th, the day before the change
    ["Pacific/Auckland", "2026-04-04", "2026-04-03T20:10:00Z", "2026-04-05", 1],
    // Auckland's DST starts on 2026-09-27: 09:00 NZDT, the morning after clocks went forward
    ["Pacific/Auckland", "2026-09-27", "2026-09-26T20:00:00Z", "2026-09-28", 1],
  ] as const)(
    "daylight saving: a daily 09:00 task in %s due %s, completed at %s, is next due %s at 09:00",
    (zone, due, at, nextDue, used) => {
      expect(completeAt("FREQ=DAILY", due, "09:00", at, zone)).toEqual({
        dueDate: nextDue,
        dueTime: "09:00",
        countSoFar: used,
      });
    },
  );

  // [rule, due date, today, next due date]
  it.each([
    // month days: BYMONTHDAY=31 skips short months, -1 is the last day, -1FR the last Friday
    ["FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", "2026-01-31", "2026-03-31"],
    ["FREQ=MONTHLY;BYMONTHDAY=31", "2026-03-31", "2026-03-31", "2026-05-31"],
    ["FREQ=MONTHLY;BYMONTHDAY=31", "2026-07-31", "2026-07-31", "2026-08-31"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", "2026-01-31", "2026-02-28"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "2028-01-31", "2028-01-31", "2028-02-29"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "2026-04-30", "2026-04-30", "2026-05-31"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30", "2026-01-30", "2026-02-27"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "2026-02-27", "2026-03-01", "2026-03-27"],
    ["FREQ=MONTHLY;BYDAY=1MO", "2026-02-02", "2026-02-02", "2026-03-02"],
    // interval and weekly multi-day lists keep their cadence
    ["FREQ=DAILY;INTERVAL=3", "2026-01-01", "2026-01-01", "2026-01-04"],
    ["FREQ=DAILY;INTERVAL=3", "2026-01-01", "2026-01-09", "2026-01-10"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2026-02-02", "2026-02-02", "2026-02-06"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2026-02-06", "2026-02-06", "2026-02-16"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-01-02", "2026-01-02", "2026-01-05"],
    ["FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-01-05", "2026-01-05", "2026-01-07"],
    ["FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15", "2026-01-15", "2026-01-20", "2026-03-15"],
    ["FREQ=YEARLY;INTERVAL=2", "2026-06-01", "2026-06-01", "2028-06-01"],
    // yearly on Feb 29 only falls in leap years
    ["FREQ=YEARLY", "2028-02-29", "2028-02-29", "2032-02-29"],
    ["FREQ=YEARLY", "2026-12-24", "2026-12-24", "2027-12-24"],
  ])("month days, interval, yearly: %s due %s, today %s, is next due %s", (rule, due, today, nextDue) => {
    expect(next(rule, due, today)).toBe(nextDue);
  });

  it("ending: COUNT counts occurrences already done, skipped ones too; UNTIL is inclusive", () => {
    const rule = "FREQ=DAILY;COUNT=3";
    const second = nextOccurrence({ rule, dueDate: "2026-01-01", dueTime: null, today: "2026-01-01" });
    expect(second).toEqual({ dueDate: "2026-01-02", dueTime: null, countSoFar: 1 });
    const third = nextOccurrence({ rule, dueDate: "2026-01-02", dueTime: null, today: "2026-01-02", countSoFar: 1 });
    expect(third).toEqual({ dueDate: "2026-01-03", dueTime: null, countSoFar: 2 });
    expect(nextOccurrence({ rule, dueDate: "2026-01-03", dueTime: null, today: "2026-01-03", countSoFar: 2 })).toBe(
      null,
    );
    // five occurrences, completed late on the 3rd: the 1st, 2nd and 3rd are used up
    const late = nextOccurrence({
      rule: "FREQ=DAILY;COUNT=5",
      dueDate: "2026-01-01",
      dueTime: null,
      today: "2026-01-03",
    });
    expect(late).toEqual({ dueDate: "2026-01-04", dueTime: null, countSoFar: 3 });
    expect(next("FREQ=DAILY;COUNT=5", "2026-01-01", "2026-01-05")).toBe(null);
    // a count already used up (say the rule was shortened) has no next occurrence either
    expect(next("FREQ=DAILY;COUNT=3", "2026-01-05", "2026-01-05", 4)).toBe(null);
    expect(next("FREQ=DAILY;UNTIL=20260110", "2026-01-09", "2026-01-09")).toBe("2026-01-10");
    expect(next("FREQ=DAILY;UNTIL=20260110", "2026-01-10", "2026-01-10")).toBe(null);
    expect(next("FREQ=WEEKLY;UNTIL=20260110", "2026-01-05", "2026-01-20")).toBe(null);
  });

  it("refuses a rule outside the subset", () => {
    expect(() => next("FREQ=DAILY;BYHOUR=9", "2026-01-01", "2026-01-01")).toThrow("BYHOUR is not supported");
  });
});

describe("firstOccurrence", () => {
  it("is on or after today, today only when it counts", () => {
    expect(firstOccurrence("FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-18")).toBe("2027-01-01");
    expect(firstOccurrence("FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01")).toBe("2026-12-01");
    expect(firstOccurrence("FREQ=MONTHLY;BYMONTHDAY=1", "2026-12-01", false)).toBe("2027-01-01");
    expect(firstOccurrence("FREQ=WEEKLY;BYDAY=MO", "2026-12-14")).toBe("2026-12-14");
    expect(firstOccurrence("FREQ=WEEKLY;BYDAY=MO", "2026-12-14", false)).toBe("2026-12-21");
    expect(firstOccurrence("FREQ=WEEKLY", "2026-12-14", false)).toBe("2026-12-21");
    expect(firstOccurrence("FREQ=DAILY", "2026-12-14", false)).toBe("2026-12-15");
  });
});

describe("today in a zone", () => {
  it("is the zone's calendar day, not UTC's", () => {
    expect(todayIn("Pacific/Auckland", new Date("2026-06-14T18:30:00Z"))).toBe("2026-06-15");
    expect(wallClockIn("Pacific/Auckland", new Date("2026-06-14T18:30:00Z"))).toEqual({
      date: "2026-06-15",
      time: "06:30",
    });
    expect(wallClockIn("America/Los_Angeles", new Date("2026-06-15T05:30:00Z"))).toEqual({
      date: "2026-06-14",
      time: "22:30",
    });
    expect(wallClockIn("UTC", new Date("2026-06-15T00:00:00Z"))).toEqual({ date: "2026-06-15", time: "00:00" });
  });

  it("refuses an unknown zone", () => {
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(() => todayIn("Mars/Olympus_Mons", new Date())).toThrow(RangeError);
  });
});
