import { describe, expect, it } from "vitest";
import { corpus, LISTS } from "../../packages/quick-add/src/corpus.ts";
import type { QuickAdd as Parsed } from "../../packages/quick-add/src/parse.ts";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const ZONE = "America/New_York";

// Every third corpus line that leaves a title (a line of parts only cannot be created), so each
// group of the corpus (dates, times, rules, combinations, zones, look-alikes) is represented.
const slice = Object.values(corpus)
  .flat()
  .filter((c) => c.title.trim() !== "")
  .filter((_, n) => n % 3 === 0)
  .map((c) => c.text);

describe("the corpus in the add field and in the API", () => {
  it(`reads ${slice.length} corpus lines identically: the page's highlights and stored task equal POST /tasks/parse`, async () => {
    const user = await createUser("qa-parity");
    const api = await apiAs(user);
    for (const list of LISTS) await api.post("/lists", { name: list.name });
    const { context, page } = await newVisitor(browser(), { user, timeZone: ZONE });
    const t = taskPage(page);
    await t.open();

    const marks = page.locator(".quick-backdrop mark");
    const differences: string[] = [];
    for (const text of slice) {
      const server = await api.post<Parsed>("/tasks/parse", { text, tz: ZONE });
      const expected = server.tokens
        .map((token) => ({ ...token, text: text.slice(token.start, token.end) }))
        .sort((a, b) => a.start - b.start)
        .map((token) => `${token.kind}:${token.text}`);
      await t.input.fill(text);
      // The highlights are painted from the page's own parse of the line.
      await expect
        .poll(async () => {
          const found = await marks.evaluateAll((nodes) =>
            nodes.map((n) => `${n.className.replace(/^quick-mark part-/, "")}:${n.textContent}`),
          );
          return found;
        })
        .toEqual(expected);
      await t.input.press("Enter");
      await expect.poll(async () => (await api.get<unknown[]>("/tasks")).length).toBe(1);
      // Each line's task is deleted after its check, so the list holds only this one.
      const [stored] = await api.get<(Parsed & { id: string })[]>("/tasks");
      const { tokens: _tokens, ...fields } = server;
      const got = stored && {
        title: stored.title,
        due_date: stored.due_date,
        due_time: stored.due_time,
        priority: stored.priority,
        labels: stored.labels,
        list_id: stored.list_id,
        recurrence: stored.recurrence,
      };
      if (JSON.stringify(got) !== JSON.stringify(fields)) {
        differences.push(`${text}\n  web: ${JSON.stringify(got)}\n  api: ${JSON.stringify(fields)}`);
      }
      await api.delete(`/tasks/${stored?.id}`);
    }
    expect(differences).toEqual([]);
    await context.close();
  }, 240_000);
});
