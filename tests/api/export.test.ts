import { EXPORT_CSV_COLUMNS, type ExportDocument, type List, type Task } from "@todo/contract";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectFieldError, expectProblem } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let api: Api;
let home: List;
const tasks: Task[] = [];

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
  home = await api.createList("Home", "#3b82f6");
  tasks.push(
    await api.createTask({
      title: 'Quote "this", please',
      description: "line one\nline two, with a comma",
      list_id: home.id,
      due_date: "2026-12-24",
      due_time: "17:30",
      priority: 2,
      labels: ["errands", "Café"],
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
    }),
    await api.createTask({ title: "Inbox task" }),
    await api.createTask({ title: "Done already", completed: true }),
  );
  const trashed = await api.createTask({ title: "In the trash" });
  await api.ok(await api.del(`tasks/${trashed.id}`), 204);
});
afterAll(() => h.close());

describe("contract 10: export", () => {
  it("JSON export: an attachment with every list and every field of every task, completed ones too, trash left out", async () => {
    const res = await api.get("export?format=json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="todo-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as ExportDocument;
    expect(doc).toMatchObject({ format: "todo-export", version: 1 });
    expect(Number.isNaN(Date.parse(doc.exported_at))).toBe(false);
    expect(doc.lists).toEqual([{ ...home, open_count: 1 }]);
    const byTitle = (title: string) => doc.tasks.find((t: Task) => t.title === title);
    expect(doc.tasks).toHaveLength(3);
    // Every field exactly as the task API returns it.
    for (const task of tasks) expect(byTitle(task.title)).toEqual(task);
    expect(byTitle("In the trash")).toBeUndefined();
  });

  it("CSV export: the contract's columns, RFC 4180 quoting, labels space-separated, UTF-8", async () => {
    const res = await api.get("export?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"$/);
    const text = await res.text();
    expect(text.split("\r\n")[0]).toBe(EXPORT_CSV_COLUMNS.join(","));
    // Quotes doubled inside a quoted field; the newline kept inside the quotes.
    expect(text).toContain('"Quote ""this"", please","line one\nline two, with a comma"');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const first = rows.find((r) => r.title === 'Quote "this", please');
    expect(first).toEqual({
      title: 'Quote "this", please',
      description: "line one\nline two, with a comma",
      completed: "false",
      list: "Home",
      labels: "errands Café",
      priority: "2",
      due_date: "2026-12-24",
      due_time: "17:30",
      recurrence: "FREQ=WEEKLY;BYDAY=MO",
      created_at: tasks[0]?.created_at,
      completed_at: "",
    });
    const done = rows.find((r) => r.title === "Done already");
    expect(done).toMatchObject({ completed: "true", list: "", completed_at: tasks[2]?.completed_at });
  });

  it("isolation: another user's path is 403 and their export never holds this user's tasks; a bad format is 422", async () => {
    const other = await h.signIn();
    const otherApi = apiFor(h.app, other);
    await otherApi.createTask({ title: "Theirs" });
    await expectProblem(await otherApi.send("GET", `../${user.id}/export?format=json`), 403);
    const theirs = (await (await otherApi.get("export?format=json")).json()) as ExportDocument;
    expect(theirs.tasks.map((t: Task) => t.title)).toEqual(["Theirs"]);
    expect(theirs.lists).toEqual([]);
    await expectFieldError(await api.get("export?format=xml"), "format");
  });
});
