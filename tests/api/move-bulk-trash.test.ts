import type { Task, TaskBulkResult, TrashItem } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPurgeJob } from "../../apps/api/src/trash/purge-job.ts";
import { purgeTrash } from "../../apps/api/src/trash/service/purge-trash.ts";
import { type Api, apiFor, nextPage } from "./helpers/api.ts";
import { createHarness, type SignedInUser, taskRow } from "./helpers/harness.ts";
import { expectFieldError, expectProblem, sleep } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let api: Api;
const MISSING = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(() => h.close());

async function freshList(n: number) {
  const list = await api.createList(`L${Math.random()}`);
  const tasks: Task[] = [];
  for (let i = 0; i < n; i++) tasks.push(await api.createTask({ title: `m${i}`, list_id: list.id }));
  const order = async () => (await api.tasks(`list_id=${list.id}&sort=manual`)).map((t) => t.title);
  return { list, tasks, order };
}

describe("contract 6.5: move", () => {
  it("puts a task before or after another, or at the end; a neighbour of another list is 422", async () => {
    const { list, tasks, order } = await freshList(4);
    const [a, b, c, d] = tasks as [Task, Task, Task, Task];
    await api.ok(await api.post(`tasks/${d.id}/move`, { before: a.id }));
    expect(await order()).toEqual(["m3", "m0", "m1", "m2"]);
    await api.ok(await api.post(`tasks/${a.id}/move`, { after: c.id }));
    expect(await order()).toEqual(["m3", "m1", "m2", "m0"]);
    await api.ok(await api.post(`tasks/${d.id}/move`, {}));
    expect(await order()).toEqual(["m1", "m2", "m0", "m3"]);
    const inbox = await api.createTask({ title: "inbox" });
    await expectFieldError(await api.post(`tasks/${b.id}/move`, { before: inbox.id }), "before");
    await expectFieldError(await api.post(`tasks/${inbox.id}/move`, { list_id: list.id, after: MISSING }), "after");
    const moved = await api.ok<Task>(await api.post(`tasks/${inbox.id}/move`, { list_id: list.id, after: b.id }));
    expect(moved.list_id).toBe(list.id);
    expect(await order()).toEqual(["m1", "inbox", "m2", "m0", "m3"]);
  });

  it("a thousand moves between the same two neighbours still work", { timeout: 120_000 }, async () => {
    const { tasks, order } = await freshList(4);
    const [first, x, y, last] = tasks as [Task, Task, Task, Task];
    for (let i = 0; i < 1000; i++) {
      const mover = i % 2 ? x : y;
      await api.ok(await api.post(`tasks/${mover.id}/move`, { after: first.id }));
    }
    // The last move was x (i = 999): first, x, y, last.
    expect(await order()).toEqual(["m0", "m1", "m2", "m3"]);
    const positions = (await api.tasks(`list_id=${first.list_id}&sort=manual`)).map((t) => t.position);
    expect([...positions].sort((p, q) => (Buffer.from(p) < Buffer.from(q) ? -1 : 1))).toEqual(positions);
    expect(Math.max(...positions.map((p) => p.length))).toBeLessThan(400);
    expect(last.id).toBeDefined();
  });
});

describe("contract 6.5: bulk", () => {
  it("complete, reopen, update, move, delete and restore many at once", async () => {
    const { list, tasks } = await freshList(3);
    const ids = tasks.map((t) => t.id);
    const bulk = async (body: object) => api.ok<TaskBulkResult>(await api.post("tasks/bulk", body));
    expect((await bulk({ ids, action: "complete" })).tasks.every((t) => t.completed)).toBe(true);
    expect((await bulk({ ids, action: "reopen" })).tasks.every((t) => !t.completed)).toBe(true);
    const updated = await bulk({
      ids,
      action: "update",
      set: { priority: 1, due_date: "2026-07-01", due_time: "08:15", labels_add: ["x", "Y"] },
    });
    expect(updated.tasks.map((t) => [t.priority, t.due_date, t.due_time, t.labels])).toEqual(
      Array(3).fill([1, "2026-07-01", "08:15", ["x", "Y"]]),
    );
    expect((await bulk({ ids, action: "update", set: { labels_remove: ["X"] } })).tasks[0]?.labels).toEqual(["Y"]);
    const moved = await bulk({ ids, action: "move", list_id: null });
    expect(moved.tasks.every((t) => t.list_id === null)).toBe(true);
    const deleted = await bulk({ ids, action: "delete" });
    expect(deleted.count).toBe(3);
    expect((deleted.tasks as TrashItem[]).every((t) => t.deleted_at)).toBe(true);
    expect((await bulk({ ids, action: "restore" })).count).toBe(3);
    expect((await api.tasks(`list_id=${list.id}`)).length).toBe(0);
  });

  it("all or nothing: one unknown, foreign or trashed id is 404 and nothing changes", async () => {
    const { tasks } = await freshList(2);
    const ids = tasks.map((t) => t.id);
    const foreign = await apiFor(h.app, await h.signIn()).createTask();
    for (const extra of [MISSING, foreign.id, "not-an-id"]) {
      await expectProblem(await api.post("tasks/bulk", { ids: [...ids, extra], action: "complete" }), 404);
    }
    await expectProblem(await api.post("tasks/bulk", { ids, action: "restore" }), 404);
    for (const t of tasks) expect((await api.ok<Task>(await api.get(`tasks/${t.id}`))).version).toBe(1);
    await expectFieldError(await api.post("tasks/bulk", { ids: [], action: "complete" }), "ids");
    await expectFieldError(await api.post("tasks/bulk", { ids: Array(501).fill(MISSING), action: "delete" }), "ids");
    await expectFieldError(await api.post("tasks/bulk", { ids, action: "explode" }), "action");
    await expectFieldError(
      await api.post("tasks/bulk", { ids, action: "update", set: { due_time: "10:00" } }),
      "due_time",
    );
    for (const t of tasks) expect((await api.ok<Task>(await api.get(`tasks/${t.id}`))).version).toBe(1);
  });
});

describe("contract 6.5: trash", () => {
  it("a deleted task is in no read, is 404 to GET/PUT/PATCH, and comes back exactly as it was", async () => {
    const list = await api.createList("Trashy");
    const task = await api.createTask({ title: "gone", list_id: list.id, labels: ["keep"], priority: 2 });
    expect((await api.del(`tasks/${task.id}`)).status).toBe(204);
    await expectProblem(await api.get(`tasks/${task.id}`), 404);
    await expectProblem(await api.put(`tasks/${task.id}`, { title: "x" }), 404);
    await expectProblem(await api.send("PATCH", `tasks/${task.id}/complete`), 404);
    expect((await api.tasks(`list_id=${list.id}`)).length).toBe(0);
    const trash = await api.ok<TrashItem[]>(await api.get("trash"));
    expect(trash[0]).toMatchObject({ id: task.id, title: "gone" });
    const restored = await api.ok<Task>(await api.post(`tasks/${task.id}/restore`));
    expect(restored).toMatchObject({ list_id: list.id, labels: ["keep"], priority: 2, position: task.position });
    expect(restored.version).toBe(task.version + 2);
    await expectProblem(await api.post(`tasks/${task.id}/restore`), 404);
  });

  it("a restored task whose place was taken meanwhile goes to the end of its list, never onto another's key", async () => {
    const { list, tasks, order } = await freshList(2);
    const last = tasks[1] as Task;
    await api.del(`tasks/${last.id}`);
    const newcomer = await api.createTask({ title: "newcomer", list_id: list.id });
    expect(newcomer.position).toBe(last.position);
    const restored = await api.ok<Task>(await api.post(`tasks/${last.id}/restore`));
    expect(restored.position > newcomer.position).toBe(true);
    expect(await order()).toEqual(["m0", "newcomer", "m1"]);
  });

  it("bulk labels_add beyond 20 labels on a task is 422 and changes nothing", async () => {
    const task = await api.createTask({ title: "full", labels: Array.from({ length: 19 }, (_, i) => `k${i}`) });
    await expectFieldError(
      await api.post("tasks/bulk", { ids: [task.id], action: "update", set: { labels_add: ["one", "two"] } }),
      "set.labels_add",
    );
    expect(await api.ok<Task>(await api.get(`tasks/${task.id}`))).toEqual(task);
  });

  it("pages the trash with a signed cursor and a Link header", async () => {
    const a = apiFor(h.app, await h.signIn());
    for (let i = 0; i < 5; i++) await a.del(`tasks/${(await a.createTask({ title: `t${i}` })).id}`);
    const seen: string[] = [];
    let res = await a.get("trash?limit=2");
    for (;;) {
      seen.push(...(await a.ok<TrashItem[]>(res)).map((t) => t.title));
      const next = nextPage(res);
      if (!next) break;
      res = await a.send("GET", next.replace(/^\/api\/[^/]+\//, ""));
    }
    expect(seen).toEqual(["t4", "t3", "t2", "t1", "t0"]);
    await expectProblem(await a.get("trash?cursor=forged.cursor"), 400);
  });

  it("lists newest deletion first and empties", async () => {
    const a = apiFor(h.app, await h.signIn());
    const one = await a.createTask({ title: "one" });
    const two = await a.createTask({ title: "two" });
    await a.del(`tasks/${two.id}`);
    await sleep(5);
    await a.del(`tasks/${one.id}`);
    expect((await a.ok<TrashItem[]>(await a.get("trash"))).map((t) => t.title)).toEqual(["one", "two"]);
    expect((await a.del("trash")).status).toBe(204);
    expect(await a.ok<TrashItem[]>(await a.get("trash"))).toEqual([]);
    expect(await taskRow(h.database, one.id)).toBeUndefined();
  });

  it("the purge job deletes trash older than 30 days by itself, and only one instance works at a time", async () => {
    const old = await api.createTask({ title: "old" });
    const recent = await api.createTask({ title: "recent" });
    await api.del(`tasks/${old.id}`);
    await api.del(`tasks/${recent.id}`);
    await h.database.pool.query(`update "task" set "deleted_at" = now() - interval '31 days' where "id" = $1`, [
      old.id,
    ]);
    await h.database.pool.query(`update "task" set "deleted_at" = now() - interval '29 days' where "id" = $1`, [
      recent.id,
    ]);
    // Another instance holding the lock: this round skips.
    const holder = await h.database.pool.connect();
    await holder.query("begin");
    await holder.query("select pg_advisory_xact_lock(727009)");
    expect(await purgeTrash(h.database.db)).toBeNull();
    await holder.query("rollback");
    holder.release();
    const logs: string[] = [];
    const logger = { debug() {}, info: (m: string) => logs.push(m), warn() {}, error() {}, child: () => logger };
    const stop = startPurgeJob({ db: h.database.db, logger: logger as never }, 50);
    for (let i = 0; i < 100 && (await taskRow(h.database, old.id)); i++) await sleep(50);
    stop();
    expect(await taskRow(h.database, old.id)).toBeUndefined();
    expect(await taskRow(h.database, recent.id)).toBeDefined();
  });
});
