import { describe, expect, it } from "vitest";
import { parseRule } from "./rule.ts";

function error(text: string): string {
  const r = parseRule(text);
  if (r.ok) throw new Error(`${text} was accepted`);
  return r.error;
}

function canonical(text: string): string {
  const r = parseRule(text);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  return r.text;
}

describe("parseRule", () => {
  it("FREQ: the four frequencies, and nothing else", () => {
    for (const f of ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]) expect(canonical(`FREQ=${f}`)).toBe(`FREQ=${f}`);
    expect(error("FREQ=HOURLY")).toBe("FREQ=HOURLY is not supported");
    expect(error("FREQ=SECONDLY")).toContain("FREQ=SECONDLY");
    expect(error("INTERVAL=2")).toBe("FREQ is required");
    expect(error("")).toBe("the rule is empty");
  });

  it("INTERVAL: 1 to 999", () => {
    expect(canonical("FREQ=DAILY;INTERVAL=999")).toBe("FREQ=DAILY;INTERVAL=999");
    for (const bad of ["0", "1000", "-1", "two", "", "1.5"])
      expect(error(`FREQ=DAILY;INTERVAL=${bad}`)).toMatch(/^INTERVAL/);
  });

  it("BYDAY: a weekday list with WEEKLY, one ordinal with MONTHLY, nothing with DAILY/YEARLY", () => {
    expect(canonical("FREQ=WEEKLY;BYDAY=FR,MO")).toBe("FREQ=WEEKLY;BYDAY=MO,FR");
    expect(canonical("FREQ=MONTHLY;BYDAY=-1FR")).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    expect(canonical("FREQ=MONTHLY;BYDAY=+1MO")).toBe("FREQ=MONTHLY;BYDAY=1MO");
    expect(error("FREQ=WEEKLY;BYDAY=1MO")).toMatch(/^BYDAY with FREQ=WEEKLY/);
    expect(error("FREQ=WEEKLY;BYDAY=MO,XX")).toMatch(/^BYDAY/);
    expect(error("FREQ=MONTHLY;BYDAY=MO")).toMatch(/^BYDAY with FREQ=MONTHLY/);
    expect(error("FREQ=MONTHLY;BYDAY=1MO,2TU")).toMatch(/^BYDAY/);
    expect(error("FREQ=MONTHLY;BYDAY=6MO")).toMatch(/^BYDAY/);
    expect(error("FREQ=DAILY;BYDAY=MO")).toBe("BYDAY is not supported with FREQ=DAILY");
    expect(error("FREQ=YEARLY;BYDAY=MO")).toBe("BYDAY is not supported with FREQ=YEARLY");
  });

  it("BYMONTHDAY: 1 to 31 or -1, with MONTHLY", () => {
    expect(canonical("FREQ=MONTHLY;BYMONTHDAY=31")).toBe("FREQ=MONTHLY;BYMONTHDAY=31");
    expect(canonical("FREQ=MONTHLY;BYMONTHDAY=-1")).toBe("FREQ=MONTHLY;BYMONTHDAY=-1");
    for (const bad of ["0", "32", "-2", "1,15", "x"]) {
      expect(error(`FREQ=MONTHLY;BYMONTHDAY=${bad}`)).toMatch(/^BYMONTHDAY must be/);
    }
    expect(error("FREQ=WEEKLY;BYMONTHDAY=1")).toBe("BYMONTHDAY is not supported with FREQ=WEEKLY");
    expect(error("FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=1")).toMatch(/BYMONTHDAY together with BYDAY/);
  });

  it("COUNT and UNTIL end a series; one or the other", () => {
    expect(canonical("FREQ=DAILY;COUNT=5")).toBe("FREQ=DAILY;COUNT=5");
    expect(canonical("FREQ=DAILY;UNTIL=20270131")).toBe("FREQ=DAILY;UNTIL=20270131");
    expect(error("FREQ=DAILY;COUNT=0")).toMatch(/^COUNT/);
    expect(error("FREQ=DAILY;UNTIL=20270230")).toMatch(/^UNTIL must be a date/);
    expect(error("FREQ=DAILY;UNTIL=20270131T000000Z")).toMatch(/^UNTIL must be a date/);
    expect(error("FREQ=DAILY;COUNT=2;UNTIL=20270131")).toBe("COUNT and UNTIL cannot both be given");
  });

  it("unsupported parts are named", () => {
    expect(error("FREQ=DAILY;BYHOUR=9")).toBe("BYHOUR is not supported");
    expect(error("FREQ=MONTHLY;BYSETPOS=-1")).toBe("BYSETPOS is not supported");
    expect(error("FREQ=WEEKLY;WKST=SU")).toBe("WKST is not supported");
    expect(error("FREQ=YEARLY;BYMONTH=2")).toBe("BYMONTH is not supported");
    expect(error("RRULE:FREQ=DAILY")).toMatch(/RRULE: prefix/);
    expect(error("FREQ=DAILY;FREQ=WEEKLY")).toBe("FREQ appears more than once");
    expect(error("FREQ=DAILY;junk")).toMatch(/"junk" is not a NAME=VALUE part/);
  });

  it("canonical: upper case, fixed order, INTERVAL=1 dropped", () => {
    expect(canonical("count=3;byday=fr,mo;interval=1;freq=weekly")).toBe("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=3");
    expect(canonical(" FREQ=MONTHLY ; INTERVAL=2 ; BYMONTHDAY=15 ")).toBe("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15");
  });
});
