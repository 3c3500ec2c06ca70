import { describe, expect, it } from "vitest";
import { dueLabel } from "./due-label";

describe("dueLabel", () => {
  const today = "2026-11-30"; // a Monday
  it("uses words near today", () => {
    expect(dueLabel("2026-11-30", null, today, "09:00").text).toBe("Today");
    expect(dueLabel("2026-12-01", null, today, "09:00").text).toBe("Tomorrow");
    expect(dueLabel("2026-11-29", null, today, "09:00").text).toBe("Yesterday");
    expect(dueLabel("2026-12-04", null, today, "09:00").text).toBe("Fri");
  });
  it("uses a short date further out, with the year only when it differs", () => {
    expect(dueLabel("2026-12-07", null, today, "09:00").text).toBe("7 Dec");
    expect(dueLabel("2027-01-05", null, today, "09:00").text).toBe("5 Jan 2027");
  });
  it("marks past days, and today once its time has passed, as overdue", () => {
    expect(dueLabel("2026-11-29", null, today, "09:00").overdue).toBe(true);
    expect(dueLabel("2026-11-30", null, today, "23:59").overdue).toBe(false);
    expect(dueLabel("2026-11-30", "08:00", today, "09:00").overdue).toBe(true);
    expect(dueLabel("2026-11-30", "10:00", today, "09:00").overdue).toBe(false);
  });
  it("adds the time", () => {
    expect(dueLabel("2026-12-01", "17:30", today, "09:00").text).toBe("Tomorrow 17:30");
  });
});

describe("dueLabel's long form", () => {
  it("names the weekday, day, month and year in full, and the time", () => {
    expect(dueLabel("2026-12-04", null, "2026-11-30").long).toBe("Friday, 4 December 2026");
    expect(dueLabel("2027-02-28", "08:05", "2026-11-30").long).toBe("Sunday, 28 February 2027, 08:05");
  });
});
