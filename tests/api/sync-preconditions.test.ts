import type { List, Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, taskRow } from "./helpers/harness.ts";
import { expectProblem } from "./helpers/http.ts";

// Contract 8: ETag on every single task or list answer; If-Match on every write path.
const h = createHarness();
let api: Api;

beforeAll(async () => {
  api = apiFor(h.app, await h.signIn());
});
afterAll(() => h.close());

const tag = (v: number) => `"v${v}"`;
const withIfMatch = (value: string) => ({ headers: { "if-match": value } });

/** A stale If-Match: 412 problem JSON whose `current` is the resource now; returns `current`. */
async function expectStale<T>(res: Response): Promise<T> {
  const text = await res.clone().text();
  await expectProblem(res, 412);
  return (JSON.parse(text) as { current: T }).current;
}

async function listRow(id: string) {
  const { rows } = await h.database.pool.query(`select * from "list" where "id" = $1`, [id]);
  return rows[0] as { version: number; name: string; position: string } | undefined;
}

describe("contract 8: ETag", () => {
  it("every single task or list answer carries a strong ETag of its version; collections do not", async () => {
    const created = await api.send("POST", "tasks", { title: "tagged" });
    const task = await api.ok<Task>(created, 201);
    expect(created.headers.get("etag")).toBe(tag(1));
    expect((await api.get(`tasks/${task.id}`)).headers.get("etag")).toBe(tag(1));
    const put = await api.put(`tasks/${task.id}`, { title: "tagged 2" });
    expect(put.headers.get("etag")).toBe(tag(2));
    expect((await api.send("PATCH", `tasks/${task.id}/complete`)).headers.get("etag")).toBe(tag(3));
    expect((await api.post(`tasks/${task.id}/move`, {})).headers.get("etag")).toBe(tag(4));
    const list = await api.createList("Tagged");
    expect((await api.get(`lists/${list.id}`)).headers.get("etag")).toBe(tag(1));
    expect((await api.get("tasks")).headers.get("etag")).toBeNull();
    expect((await api.get("lists")).headers.get("etag")).toBeNull();
  });
});

describe("contract 8: If-Match on tasks", () => {
  // Each write path: the request, and what must still hold on the row when it was refused.
  const paths: { name: string; send: (t: Task, ifMatch: string) => Promise<Response> }[] = [
    { name: "PUT", send: (t, m) => api.send("PUT", `tasks/${t.id}`, { title: "theirs" }, withIfMatch(m)) },
    { name: "PUT with nothing to change", send: (t, m) => api.send("PUT", `tasks/${t.id}`, {}, withIfMatch(m)) },
    {
      name: "PATCH complete (toggle)",
      send: (t, m) => api.send("PATCH", `tasks/${t.id}/complete`, undefined, withIfMatch(m)),
    },
    {
      name: "PATCH complete (set)",
      send: (t, m) => api.send("PATCH", `tasks/${t.id}/complete`, { completed: true }, withIfMatch(m)),
    },
    {
      name: "PATCH complete (already so)",
      send: (t, m) => api.send("PATCH", `tasks/${t.id}/complete`, { completed: false }, withIfMatch(m)),
    },
    { name: "DELETE", send: (t, m) => api.send("DELETE", `tasks/${t.id}`, undefined, withIfMatch(m)) },
    { name: "move", send: (t, m) => api.send("POST", `tasks/${t.id}/move`, {}, withIfMatch(m)) },
  ];

  for (const path of paths) {
    it(`${path.name}: a stale version is 412 with current and changes nothing; the right one applies`, async () => {
      const task = await api.createTask({ title: "mine" });
      const edited = await api.ok<Task>(await api.put(`tasks/${task.id}`, { description: "edited elsewhere" }));
      const current = await expectStale<Task>(await path.send(task, tag(task.version)));
      expect(current).toEqual(edited);
      const row = await taskRow(h.database, task.id);
      expect(row).toMatchObject({ version: 2, title: "mine", completed: false, deleted_at: null });
      // A weak tag never matches (strong comparison, RFC 9110), nor does garbage.
      await expectStale(await path.send(task, `W/${tag(2)}`));
      await expectStale(await path.send(task, "v2"));
      expect((await taskRow(h.database, task.id))?.version).toBe(2);
      const ok = await path.send(task, `${tag(1)}, ${tag(2)}`);
      expect(ok.status, await ok.clone().text()).toBeLessThan(300);
    });
  }

  it("If-Match: * and no If-Match at all both apply; an unknown task is still 404", async () => {
    const task = await api.createTask({ title: "any" });
    await api.ok(await api.send("PUT", `tasks/${task.id}`, { title: "star" }, withIfMatch("*")));
    await api.ok(await api.put(`tasks/${task.id}`, { title: "none" }));
    await expectProblem(
      await api.send("PUT", "tasks/00000000-0000-4000-8000-000000000000", { title: "x" }, withIfMatch(tag(1))),
      404,
    );
  });

  it("bulk: if_versions makes the whole change 412 when any task moved on, naming those in current", async () => {
    const a = await api.createTask({ title: "a" });
    const b = await api.createTask({ title: "b" });
    await api.put(`tasks/${b.id}`, { title: "b2" });
    const body = { ids: [a.id, b.id], action: "complete", if_versions: { [a.id]: 1, [b.id]: 1 } };
    const current = await expectStale<Task[]>(await api.post("tasks/bulk", body));
    expect(current.map((t) => [t.id, t.version])).toEqual([[b.id, 2]]);
    expect((await taskRow(h.database, a.id))?.completed).toBe(false);
    const fresh = { ...body, if_versions: { [a.id]: 1, [b.id]: 2 } };
    const done = await api.ok<{ count: number }>(await api.post("tasks/bulk", fresh));
    expect(done.count).toBe(2);
  });

  it("two writers with the same version: exactly one wins, the other gets 412", async () => {
    const task = await api.createTask({ title: "race" });
    const results = await Promise.all(
      ["one", "two", "three", "four"].map((title) =>
        api.send("PUT", `tasks/${task.id}`, { title }, withIfMatch(tag(1))),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
    expect((await taskRow(h.database, task.id))?.version).toBe(2);
  });
});

describe("contract 8: If-Match on lists", () => {
  const paths: { name: string; send: (l: List, ifMatch: string) => Promise<Response> }[] = [
    { name: "PUT", send: (l, m) => api.send("PUT", `lists/${l.id}`, { name: `${l.name} theirs` }, withIfMatch(m)) },
    { name: "PUT with nothing to change", send: (l, m) => api.send("PUT", `lists/${l.id}`, {}, withIfMatch(m)) },
    { name: "DELETE", send: (l, m) => api.send("DELETE", `lists/${l.id}`, undefined, withIfMatch(m)) },
    { name: "move", send: (l, m) => api.send("POST", `lists/${l.id}/move`, {}, withIfMatch(m)) },
  ];
  for (const path of paths) {
    it(`${path.name}: a stale version is 412 with current and changes nothing; the right one applies`, async () => {
      const list = await api.createList(`L ${path.name}`);
      await api.createTask({ title: "inside", list_id: list.id });
      const edited = await api.ok<List>(await api.put(`lists/${list.id}`, { color: "#112233" }));
      const current = await expectStale<List>(await path.send(list, tag(1)));
      expect(current).toEqual(edited);
      expect(await listRow(list.id)).toMatchObject({ version: 2, name: list.name, position: list.position });
      expect(await api.tasks(`list_id=${list.id}`)).toHaveLength(1);
      const ok = await path.send(list, tag(2));
      expect(ok.status, await ok.clone().text()).toBeLessThan(300);
    });
  }
});
