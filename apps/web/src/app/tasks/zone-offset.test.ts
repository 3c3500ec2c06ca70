import { todayIn } from "@todo/contract/rules";
import { wallClockIn } from "@todo/recurrence/zone";
import { describe, expect, it } from "vitest";
import { rememberZoneOffset, shiftedBy, timeInZone, todayInZone } from "../../tasks/zone-clock";
import { zoneOffset } from "./zone-offset";

const HOUR = 3_600_000;
const ZONES = [
  "UTC",
  "Europe/Paris",
  "America/New_York",
  "Asia/Kathmandu",
  "Pacific/Kiritimati",
  "Australia/Lord_Howe",
  "America/St_Johns",
];

describe("the zone offset the server hands the browser (ADR 0148)", () => {
  it("gives the same day and time as Intl everywhere in its window, over a year in seven zones", () => {
    const start = Date.UTC(2026, 0, 1);
    for (const zone of ZONES) {
      for (let now = start; now < start + 370 * 24 * HOUR; now += 7 * HOUR + 13 * 60_000) {
        const offset = zoneOffset(zone, now);
        expect(offset, `${zone} at ${new Date(now).toISOString()}`).not.toBeNull();
        if (!offset) continue;
        expect(offset.from).toBeLessThanOrEqual(now);
        expect(offset.until).toBeGreaterThan(now);
        for (const at of [now, offset.from, offset.until - 60_000]) {
          const wall = wallClockIn(zone, new Date(at));
          expect(shiftedBy(offset, zone, new Date(at))?.slice(0, 16), `${zone} at ${new Date(at).toISOString()}`).toBe(
            `${wall.date}T${wall.time}`,
          );
        }
      }
    }
  });

  it("ends the window where daylight saving changes the offset", () => {
    // Paris moves from +01:00 to +02:00 at 01:00 UTC on 29 March 2026.
    const change = Date.UTC(2026, 2, 29, 1, 0);
    const before = zoneOffset("Europe/Paris", change - 3 * HOUR);
    expect(before).toMatchObject({ minutes: 60, until: change });
    expect(shiftedBy(before, "Europe/Paris", new Date(change))).toBeNull();
    const after = zoneOffset("Europe/Paris", change + 2 * HOUR);
    expect(after).toMatchObject({ minutes: 120, from: change });
    expect(shiftedBy(after, "Europe/Paris", new Date(change - 60_000))).toBeNull();
  });

  it("is not used for another zone, and is null for an unknown one", () => {
    const offset = zoneOffset("Europe/Paris", Date.UTC(2026, 10, 30, 12));
    expect(shiftedBy(offset, "Asia/Tokyo", new Date(Date.UTC(2026, 10, 30, 12)))).toBeNull();
    expect(zoneOffset("Mars/Olympus_Mons")).toBeNull();
    expect(zoneOffset(null)).toBeNull();
  });

  it("is never kept on the server, where one module serves every person's render", () => {
    // A wrong offset for UTC: kept, it would move the clock by ten hours.
    const now = new Date();
    rememberZoneOffset({ zone: "UTC", minutes: 600, from: now.getTime() - HOUR, until: now.getTime() + HOUR });
    expect(timeInZone("UTC", now)).toBe(wallClockIn("UTC", now).time);
    expect(todayInZone("UTC", now)).toBe(todayIn("UTC", now));
  });
});
