import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LISTS } from "./corpus.ts";
import { parseQuickAdd } from "./parse.ts";

const at = { now: new Date("2026-12-18T15:00:00Z"), timeZone: "America/New_York", lists: LISTS };

describe("parseQuickAdd", () => {
  it("contract example: every field and token offset", () => {
    expect(parseQuickAdd("Pay rent every month on the 1st p1 #Home @bills", at)).toEqual({
      title: "Pay rent",
      due_date: "2027-01-01",
      due_time: null,
      priority: 1,
      labels: ["bills"],
      list_id: "list-home",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      tokens: [
        { start: 9, end: 31, kind: "recurrence" },
        { start: 32, end: 34, kind: "priority" },
        { start: 35, end: 40, kind: "list" },
        { start: 41, end: 47, kind: "label" },
      ],
    });
  });

  it("shape: nothing typed gives priority 4, labels [] and nulls", () => {
    expect(parseQuickAdd("Just a title", { now: at.now, timeZone: "UTC" })).toEqual({
      title: "Just a title",
      due_date: null,
      due_time: null,
      priority: 4,
      labels: [],
      list_id: null,
      recurrence: null,
      tokens: [],
    });
  });

  it("offsets are UTF-16 code units, after astral characters", () => {
    // 😀 and 👍 are two code units each
    const r = parseQuickAdd("😀 call 👍 tmr @家", at);
    expect(r.tokens).toEqual([
      { start: 11, end: 14, kind: "date" },
      { start: 15, end: 17, kind: "label" },
    ]);
  });

  it("literal: a span the person kept as text is never a part", () => {
    const text = "Enjoy the sun tomorrow";
    const plain = parseQuickAdd(text, at);
    expect(plain.tokens.map((t) => t.kind)).toEqual(["date"]);
    expect(plain.due_date).toBe("2026-12-20");
    const sun = { start: text.indexOf("sun"), end: text.indexOf("sun") + 3 };
    const kept = parseQuickAdd(text, { ...at, literal: [sun] });
    expect(kept.title).toBe("Enjoy the sun");
    expect(kept.due_date).toBe("2026-12-19");
    expect(kept.tokens).toEqual([{ start: 14, end: 22, kind: "date" }]);
  });

  it("at most 20 labels: the 21st stays in the title", () => {
    const names = Array.from({ length: 21 }, (_, i) => `l${i}`);
    const r = parseQuickAdd(`Tag ${names.map((n) => `@${n}`).join(" ")}`, at);
    expect(r.labels).toEqual(names.slice(0, 20));
    expect(r.title).toBe("Tag @l20");
  });

  it("the longest list name wins, whatever order the lists come in", () => {
    const lists = [
      { id: "a", name: "Home Office" },
      { id: "b", name: "Home" },
    ];
    expect(parseQuickAdd("x #home office", { ...at, lists }).list_id).toBe("a");
    expect(parseQuickAdd("x #home office", { ...at, lists: [...lists].reverse() }).list_id).toBe("a");
    expect(parseQuickAdd("x #home offices", { ...at, lists }).list_id).toBe("b");
  });

  it("an unknown time zone throws RangeError (the API answers 422 on tz)", () => {
    expect(() => parseQuickAdd("x", { now: at.now, timeZone: "Nowhere/Land" })).toThrow(RangeError);
  });

  it("portable: no Node-only import in either package's sources", () => {
    const packages = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
    for (const pkg of ["quick-add", "recurrence"]) {
      const src = join(packages, pkg, "src");
      for (const file of readdirSync(src).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
        const code = readFileSync(join(src, file), "utf8");
        expect(code, `${pkg}/src/${file}`).not.toMatch(/from\s+"(node:|fs|path|url|crypto|os)["/]/);
        expect(code, `${pkg}/src/${file}`).not.toMatch(/\b(process|Buffer|require)\b[.(]/);
      }
    }
  });
});
