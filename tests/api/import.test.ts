import { readFileSync } from "node:fs";
import type { ExportDocument, ImportResult, List, Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK_QUOTA } from "../../apps/api/src/tasks/store/task-quota.ts";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectProblem } from "./helpers/http.ts";
import { seedTasks } from "./helpers/seed.ts";

const h = createHarness();
const TODOIST = readFileSync(new URL("../fixtures/todoist-sample.csv", import.meta.url), "utf8");

/** Sends a file as the import body (or as multipart when `fileName` is given). */
function importFile(user: SignedInUser, query: string, body: string, type: string, fileName?: string) {
  let payload: string | FormData = body;
  const headers: Record<string, string> = { authorization: `Bearer ${user.token}` };
  if (fileName) {
    const form = new FormData();
    form.set("file", new File([body], fileName, { type }));
    payload = form;
  } else headers["content-type"] = type;
  return Promise.resolve(h.app.request(`/api/${user.id}/import?${query}`, { method: "POST", headers, body: payload }));
}

/** Everything of an account that an export carries, minus ids, positions and timestamps. */
async function content(api: Api) {
  const doc = (await (await api.get("export?format=json")).json()) as ExportDocument;
  const names = new Map<string, string>(doc.lists.map((l: List) => [l.id, l.name]));
  const tasks = doc.tasks.map((t: Task) => ({
    title: t.title,
    description: t.description,
    completed: t.completed,
    list: t.list_id ? names.get(t.list_id) : null,
    due_date: t.due_date,
    due_time: t.due_time,
    priority: t.priority,
    labels: t.labels,
    recurrence: t.recurrence,
  }));
  return {
    lists: doc.lists.map((l: List) => ({ name: l.name, color: l.color, open_count: l.open_count })),
    tasks,
  };
}

/** Every row of the user in the tables an import writes. */
async function rowCounts(userId: string) {
  const { rows } = await h.database.pool.query<{ tasks: number; lists: number; labels: number }>(
    `select (select count(*)::int from "task" where "user_id" = $1) as tasks,
            (select count(*)::int from "list" where "user_id" = $1) as lists,
            (select count(*)::int from "label" where "user_id" = $1) as labels`,
    [userId],
  );
  return rows[0];
}

let source: SignedInUser;
let sourceApi: Api;

beforeAll(async () => {
  source = await h.signIn();
  sourceApi = apiFor(h.app, source);
  const home = await sourceApi.createList("Home", "#3b82f6");
  const work = await sourceApi.createList("Work");
  await sourceApi.createTask({
    title: 'Quote "this", please',
    description: "line one\nline two, with a comma",
    list_id: home.id,
    due_date: "2026-12-24",
    due_time: "17:30",
    priority: 2,
    labels: ["errands", "Café"],
    recurrence: "FREQ=WEEKLY;BYDAY=MO",
  });
  await sourceApi.createTask({ title: "Second at home", list_id: home.id, labels: ["errands"] });
  await sourceApi.createTask({ title: "Report", list_id: work.id, priority: 1, due_date: "2026-03-29" });
  await sourceApi.createTask({ title: "Inbox task" });
  await sourceApi.createTask({ title: "Done already", completed: true, description: "" });
});
afterAll(() => h.close());

describe("contract 10: import", () => {
  it.each(["json", "csv"] as const)(
    "round trip (%s): export, import into an empty account, export again: same content",
    async (format) => {
      const file = await (await sourceApi.get(`export?format=${format}`)).text();
      const target = await h.signIn();
      const targetApi = apiFor(h.app, target);
      const type = format === "json" ? "application/json" : "text/csv";
      const res = await importFile(target, `format=${format}`, file, type);
      expect(await targetApi.ok<ImportResult>(res)).toEqual({ lists_created: 2, tasks_created: 5, skipped: [] });
      const before = await content(sourceApi);
      const after = await content(targetApi);
      // CSV has no list colours (the contract's columns): the list comes back without one.
      // An empty CSV cell is "not set": an empty description comes back as none.
      if (format === "csv") {
        for (const l of before.lists) l.color = null;
        for (const t of before.tasks) if (t.description === "") t.description = null;
      }
      expect(after).toEqual(before);
    },
  );

  it("lists are matched by name ignoring case; a second import adds tasks, not lists; multipart works", async () => {
    const target = await h.signIn();
    const targetApi = apiFor(h.app, target);
    const existing = await targetApi.createList("HOME");
    const file = await (await sourceApi.get("export?format=csv")).text();
    const res = await importFile(target, "format=csv", file, "text/csv", "backup.csv");
    expect(await targetApi.ok<ImportResult>(res)).toMatchObject({ lists_created: 1, tasks_created: 5 });
    const lists = await targetApi.ok<List[]>(await targetApi.get("lists"));
    expect(lists.map((l) => l.name)).toEqual(["HOME", "Work"]);
    expect(lists[0]).toMatchObject({ id: existing.id, open_count: 2 });
  });

  it("dry run answers what the import would do and changes nothing", async () => {
    const target = await h.signIn();
    const file = await (await sourceApi.get("export?format=json")).text();
    const dry = await importFile(target, "format=json&dry_run=true", file, "application/json");
    const answer = await apiFor(h.app, target).ok<ImportResult>(dry);
    expect(answer).toEqual({ lists_created: 2, tasks_created: 5, skipped: [] });
    expect(await rowCounts(target.id)).toEqual({ tasks: 0, lists: 0, labels: 0 });
    const real = await importFile(target, "format=json", file, "application/json");
    expect(await real.json()).toEqual(answer);
  });

  it("malformed files: 422 naming the lines, and nothing is written", async () => {
    const target = await h.signIn();
    const header =
      "title,description,completed,list,labels,priority,due_date,due_time,recurrence,created_at,completed_at";
    const bad = [
      header,
      "Fine,,false,New list,,4,,,,,",
      "Bad day,,false,,,4,2026-02-30,,,,",
      "Bad priority,,false,,,9,,,,,",
      "Time without day,,false,,,4,,17:30,,,",
    ].join("\r\n");
    const res = await importFile(target, "format=csv", bad, "text/csv");
    const problem = await expectProblem(res, 422);
    const fields = (problem.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(["line 3: due_date", "line 4: priority", "line 5: due_time"]);
    expect(await rowCounts(target.id)).toEqual({ tasks: 0, lists: 0, labels: 0 });

    const unclosed = `${header}\r\n"never closed,,false,,,4,,,,,`;
    const broken = await expectProblem(await importFile(target, "format=csv", unclosed, "text/csv"), 422);
    expect(broken.errors?.[0]?.field).toMatch(/^line \d+$/);
    await expectProblem(await importFile(target, "format=json", "{not json", "application/json"), 422);
    await expectProblem(await importFile(target, "format=json", '{"format":"other"}', "application/json"), 422);
    await expectProblem(await importFile(target, "format=csv", "a,b\r\n1,2", "text/csv"), 422);
    await expectProblem(await importFile(target, "format=xml", "x", "text/csv"), 422);
    await expectProblem(await importFile(target, "format=csv", "x", "image/png"), 415);
    expect(await rowCounts(target.id)).toEqual({ tasks: 0, lists: 0, labels: 0 });
  });

  it("Todoist sample: tasks with labels, p1..p4, dates and rules; sections and notes skipped and reported", async () => {
    const target = await h.signIn();
    const targetApi = apiFor(h.app, target);
    const res = await importFile(target, "format=todoist", TODOIST, "text/csv", "Errands.csv");
    const result = await targetApi.ok<ImportResult>(res);
    expect(result.lists_created).toBe(1);
    expect(result.tasks_created).toBe(6);
    expect(result.skipped.map((s) => s.line)).toEqual([2, 4, 7, 10]);
    expect(result.skipped[0]?.reason).toContain("section");
    expect(result.skipped[1]?.reason).toContain("note");
    expect(result.skipped[3]?.reason).toContain("not understood");
    const [list] = await targetApi.ok<List[]>(await targetApi.get("lists"));
    expect(list?.name).toBe("Errands");
    const tasks = await targetApi.tasks("sort=manual&limit=200");
    const byTitle = new Map(tasks.map((t) => [t.title, t]));
    expect(byTitle.get("Buy milk")).toMatchObject({
      list_id: list?.id,
      labels: ["errands", "Home"],
      priority: 1,
      due_date: "2026-12-24",
      description: "2 litres, semi-skimmed",
    });
    expect(byTitle.get("Pick up parcel")).toMatchObject({ priority: 2, due_date: "2026-12-24", due_time: "17:30" });
    expect(byTitle.get("Water the plants")).toMatchObject({ priority: 3, recurrence: "FREQ=WEEKLY;BYDAY=MO" });
    expect(byTitle.get("Water the plants")?.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(byTitle.get("Call grandma")).toMatchObject({ priority: 4, due_date: null });
    // Todoist's help: an empty PRIORITY is p1.
    expect(byTitle.get("Plan the holidays")).toMatchObject({ priority: 1, due_date: null });
    expect(byTitle.get("Renew passport, urgent")).toMatchObject({ priority: 1 });
    expect(tasks.map((t) => t.title)).toEqual([
      "Buy milk",
      "Pick up parcel",
      "Water the plants",
      "Call grandma",
      "Plan the holidays",
      "Renew passport, urgent",
    ]);
  });

  it("isolation: another user's path is 403; another user's list of the same name is never used", async () => {
    const a = await h.signIn();
    const b = await h.signIn();
    const theirs = await apiFor(h.app, b).createList("Errands");
    const res = await importFile(a, "format=todoist", TODOIST, "text/csv", "Errands.csv");
    expect((await apiFor(h.app, a).ok<ImportResult>(res)).lists_created).toBe(1);
    expect(await rowCounts(b.id)).toEqual({ tasks: 0, lists: 1, labels: 0 });
    const [bList] = await apiFor(h.app, b).ok<List[]>(await apiFor(h.app, b).get("lists"));
    expect(bList).toMatchObject({ id: theirs.id, open_count: 0 });
    const forged = await Promise.resolve(
      h.app.request(`/api/${b.id}/import?format=csv`, {
        method: "POST",
        headers: { authorization: `Bearer ${a.token}`, "content-type": "text/csv" },
        body: "title\r\nx",
      }),
    );
    await expectProblem(forged, 403);
    expect(await rowCounts(b.id)).toEqual({ tasks: 0, lists: 1, labels: 0 });
  });

  it("takes up to 5 MiB: a larger file is 413 and writes nothing; other routes keep 64 KiB", async () => {
    const target = await h.signIn();
    const line = `${"x".repeat(190)},,false,,,4,,,,,\r\n`;
    const big = `title,description,completed,list,labels,priority,due_date,due_time,recurrence,created_at,completed_at\r\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`;
    await expectProblem(await importFile(target, "format=csv&dry_run=true", big, "text/csv"), 413);
    await expectProblem(await importFile(target, "format=csv&dry_run=true", big, "text/csv", "big.csv"), 413);
    // Just under the limit is read (a dry run: the answer is all we need).
    const fits = `title\r\n${"y".repeat(150)}\r\n`.padEnd(5 * 1024 * 1024 - 100, "z");
    const ok = await importFile(target, "format=csv&dry_run=true", fits.replace(/z+$/, ""), "text/csv");
    expect(ok.status).toBe(200);
    const tooBigTask = await apiFor(h.app, target).send("POST", "tasks", {
      title: "x",
      description: "d".repeat(70_000),
    });
    await expectProblem(tooBigTask, 413);
    expect(await rowCounts(target.id)).toEqual({ tasks: 0, lists: 0, labels: 0 });
  });

  it("counts imported tasks against the quota: an import that would pass it is 403 and writes nothing", async () => {
    const target = await h.signIn();
    await seedTasks(h.database.pool, target.id, TASK_QUOTA - 5);
    const before = await rowCounts(target.id);
    const file = await (await sourceApi.get("export?format=csv")).text(); // 5 tasks: exactly fits
    const dry = await importFile(target, "format=csv&dry_run=true", file, "text/csv");
    expect((await apiFor(h.app, target).ok<ImportResult>(dry)).tasks_created).toBe(5);
    await apiFor(h.app, target).createTask({ title: "one more" });
    const refused = await expectProblem(await importFile(target, "format=csv", file, "text/csv"), 403);
    expect(refused.type).toBe("urn:todo:problem:quota-exceeded");
    expect(await rowCounts(target.id)).toEqual({ ...before, tasks: (before?.tasks ?? 0) + 1 });
  }, 60_000);
});
