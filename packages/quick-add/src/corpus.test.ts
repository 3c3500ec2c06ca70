import { describe, expect, it } from "vitest";
import { type CorpusCase, corpus, LISTS, NOW, ZONE } from "./corpus.ts";
import { parseQuickAdd } from "./parse.ts";

function expected(c: CorpusCase) {
  return {
    title: c.title,
    due_date: c.due_date ?? null,
    due_time: c.due_time ?? null,
    priority: c.priority ?? 4,
    labels: c.labels ?? [],
    list_id: c.list === undefined ? null : (LISTS.find((l) => l.name === c.list)?.id ?? "unknown list in corpus"),
    recurrence: c.recurrence ?? null,
    tokens: c.tokens ?? [],
  };
}

describe("quick-add corpus", () => {
  it("has at least 150 inputs", () => {
    expect(Object.values(corpus).flat().length).toBeGreaterThanOrEqual(150);
  });

  describe.each(Object.entries(corpus))("%s", (_group, cases) => {
    it.each(cases.map((c) => [c.text, c] as const))("%s", (text, c) => {
      const result = parseQuickAdd(text, { now: new Date(c.now ?? NOW), timeZone: c.zone ?? ZONE, lists: LISTS });
      // Tokens as `kind:covered text`: the offsets must cut exactly the recognised words.
      const tokens = result.tokens.map((t) => `${t.kind}:${text.slice(t.start, t.end)}`);
      expect({ ...result, tokens }).toEqual(expected(c));
      expect(Object.keys(result).sort()).toEqual(
        ["due_date", "due_time", "labels", "list_id", "priority", "recurrence", "title", "tokens"].sort(),
      );
    });
  });
});
