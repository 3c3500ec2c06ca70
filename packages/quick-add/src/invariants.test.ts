import { parseRule } from "@todo/recurrence";
import { describe, expect, it } from "vitest";
import { LISTS } from "./corpus.ts";
import { parseQuickAdd } from "./parse.ts";

// Lines made of grammar words, look-alikes and non-Latin text in random order: whatever the mix,
// the result must be well formed. A fixed seed keeps failures reproducible.
const WORDS = [
  ...["today", "tmr", "Friday", "sun", "next week", "next month", "in 3 days", "jan 5", "5th jan", "2026-12-24"],
  ...["feb 30", "5pm", "5:30pm", "17:00", "at 9", "noon", "midnight", "at", "13pm", "p1", "P4", "p9"],
  ...["@bills", "@Bills", "@", "a@b.c", "#Home", "#home office", "#nope", "every", "every day", "daily"],
  ...["every mon, fri", "every weekday", "weekly", "every 2 weeks", "every month on the 31st", "yearly"],
  ...['"Tomorrow"', "“p1”", '"', "Monday's", "😀", "👨‍👩‍👧", "買う", "שלום", ",", ".", "  ", "\t", "call", "mom"],
];

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("parseQuickAdd invariants", () => {
  it("gives a well-formed result for 3000 random lines", () => {
    const next = random(20261218);
    const zones = ["America/New_York", "Pacific/Auckland", "UTC", "Asia/Kolkata"];
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(next() * 8);
      const text = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
      const now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 366 * 86_400_000));
      const timeZone = zones[n % zones.length] ?? "UTC";
      const r = parseQuickAdd(text, { now, timeZone, lists: LISTS });
      const where = `${JSON.stringify(text)} at ${now.toISOString()} in ${timeZone}`;
      let end = 0;
      for (const t of r.tokens) {
        expect(t.start, where).toBeGreaterThanOrEqual(end);
        expect(t.end, where).toBeGreaterThan(t.start);
        end = t.end;
      }
      expect(end, where).toBeLessThanOrEqual(text.length);
      expect(r.title, where).toBe(r.title.trim());
      expect(r.title, where).not.toMatch(/\s\s/);
      expect([1, 2, 3, 4], where).toContain(r.priority);
      expect(new Set(r.labels.map((l) => l.toLowerCase())).size, where).toBe(r.labels.length);
      if (r.due_time !== null) expect(r.due_date, where).not.toBeNull();
      if (r.recurrence !== null) {
        expect(r.due_date, where).not.toBeNull();
        expect(parseRule(r.recurrence), where).toMatchObject({ ok: true, text: r.recurrence });
      }
      // every kind but label appears at most once
      const kinds = r.tokens.map((t) => t.kind).filter((k) => k !== "label");
      expect(new Set(kinds).size, where).toBe(kinds.length);
    }
  });
});
