import type { Label, List, Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { call, expectFieldError, expectProblem } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let api: Api;

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(() => h.close());

describe("contract 6.2: lists", () => {
  it("creates (201, Location), reads, renames, recolours; names are unique ignoring case (409)", async () => {
    const res = await api.post("lists", { name: "  Work ", color: "#AABBCC" });
    const list = await api.ok<List>(res, 201);
    expect(res.headers.get("location")).toBe(`/api/${user.id}/lists/${list.id}`);
    expect(list).toMatchObject({ name: "Work", color: "#aabbcc", open_count: 0, version: 1 });
    // A refusal, not the still-running 409 a client waits out (ADR 0150).
    expect((await expectProblem(await api.post("lists", { name: "WORK" }), 409)).type).toBe(
      "urn:todo:problem:conflict",
    );
    await expectFieldError(await api.post("lists", { name: "" }), "name");
    await expectFieldError(await api.post("lists", { name: "x", color: "red" }), "color");
    await expectFieldError(await api.post("lists", { name: "x", open_count: 3 }), "open_count");
    const renamed = await api.ok<List>(await api.put(`lists/${list.id}`, { name: "Job" }));
    expect(renamed).toMatchObject({ name: "Job", color: "#aabbcc", version: 2 });
    expect(await api.ok<List>(await api.get(`lists/${list.id}`))).toEqual(renamed);
  });

  it("counts open tasks and lists in manual order; move puts a list before or after another", async () => {
    const a = apiFor(h.app, await h.signIn());
    const one = await a.createList("One");
    const two = await a.createList("Two");
    const three = await a.createList("Three");
    await a.createTask({ title: "open", list_id: two.id });
    await a.createTask({ title: "done", list_id: two.id, completed: true });
    const trashed = await a.createTask({ title: "trashed", list_id: two.id });
    await a.del(`tasks/${trashed.id}`);
    const names = async () => (await a.ok<List[]>(await a.get("lists"))).map((l) => `${l.name}:${l.open_count}`);
    expect(await names()).toEqual(["One:0", "Two:1", "Three:0"]);
    await a.ok(await a.post(`lists/${three.id}/move`, { before: one.id }));
    expect(await names()).toEqual(["Three:0", "One:0", "Two:1"]);
    await a.ok(await a.post(`lists/${three.id}/move`, { after: two.id }));
    expect(await names()).toEqual(["One:0", "Two:1", "Three:0"]);
    await a.ok(await a.post(`lists/${one.id}/move`, {}));
    expect(await names()).toEqual(["Two:1", "Three:0", "One:0"]);
    await expectFieldError(
      await a.post(`lists/${one.id}/move`, { before: "00000000-0000-4000-8000-000000000000" }),
      "before",
    );
  });

  it("deleting a list moves every task to the Inbox, trashed ones included", async () => {
    const list = await api.createList("Temp");
    const kept = await api.createTask({ title: "kept", list_id: list.id });
    const trashed = await api.createTask({ title: "in trash", list_id: list.id });
    await api.del(`tasks/${trashed.id}`);
    expect((await api.del(`lists/${list.id}`)).status).toBe(204);
    const moved = await api.ok<Task>(await api.get(`tasks/${kept.id}`));
    expect(moved).toMatchObject({ list_id: null, version: kept.version + 1 });
    const restored = await api.ok<Task>(await api.post(`tasks/${trashed.id}/restore`));
    expect(restored.list_id).toBeNull();
    await expectProblem(await api.get(`lists/${list.id}`), 404);
  });

  it("another user's list: 404 on its routes, 422 as a task's list_id; another user's path: 403", async () => {
    const other = await h.signIn();
    const theirs = await apiFor(h.app, other).createList("Private");
    for (const [method, path] of [
      ["GET", `lists/${theirs.id}`],
      ["PUT", `lists/${theirs.id}`],
      ["DELETE", `lists/${theirs.id}`],
      ["POST", `lists/${theirs.id}/move`],
    ] as const) {
      await expectProblem(
        await api.send(method, path, method === "PUT" || method === "POST" ? { name: "x" } : undefined),
        method === "POST" ? 422 : 404,
      );
    }
    await expectProblem(await call(h.app, "GET", `/api/${other.id}/lists`, { token: user.token }), 403);
    expect((await apiFor(h.app, other).ok<List>(await apiFor(h.app, other).get(`lists/${theirs.id}`))).name).toBe(
      "Private",
    );
  });
});

describe("contract 6.3: labels", () => {
  it("lists labels by name ignoring case with open counts; rename, merge and delete reach every task", async () => {
    const a = apiFor(h.app, await h.signIn());
    const t1 = await a.createTask({ title: "1", labels: ["beta", "Alpha"] });
    const t2 = await a.createTask({ title: "2", labels: ["alpha"], completed: true });
    const t3 = await a.createTask({ title: "3", labels: ["gamma", "beta"] });
    const labels = async () => a.ok<Label[]>(await a.get("labels"));
    expect(await labels()).toEqual([
      { name: "Alpha", open_count: 1 },
      { name: "beta", open_count: 2 },
      { name: "gamma", open_count: 1 },
    ]);
    expect((await a.put("labels/BETA", { name: "Bravo" })).status).toBe(204);
    expect((await a.ok<Task>(await a.get(`tasks/${t1.id}`))).labels).toEqual(["Bravo", "Alpha"]);
    expect((await a.ok<Task>(await a.get(`tasks/${t1.id}`))).version).toBe(2);
    // Merge: gamma into alpha; t3 keeps its order, no duplicate.
    expect((await a.put("labels/gamma", { name: "ALPHA" })).status).toBe(204);
    expect((await a.ok<Task>(await a.get(`tasks/${t3.id}`))).labels).toEqual(["Alpha", "Bravo"]);
    expect(await labels()).toEqual([
      { name: "Alpha", open_count: 2 },
      { name: "Bravo", open_count: 2 },
    ]);
    expect((await a.del("labels/alpha")).status).toBe(204);
    expect((await a.ok<Task>(await a.get(`tasks/${t2.id}`))).labels).toEqual([]);
    expect(await labels()).toEqual([{ name: "Bravo", open_count: 2 }]);
    await expectProblem(await a.put("labels/nope", { name: "x" }), 404);
    await expectProblem(await a.del("labels/nope"), 404);
    await expectFieldError(await a.put("labels/Bravo", { name: "two words" }), "name");
  });

  it("another user's label is unknown (404) and untouched", async () => {
    const other = apiFor(h.app, await h.signIn());
    const task = await other.createTask({ title: "x", labels: ["secret"] });
    await expectProblem(await api.put("labels/secret", { name: "mine" }), 404);
    await expectProblem(await api.del("labels/secret"), 404);
    expect((await other.ok<Task>(await other.get(`tasks/${task.id}`))).labels).toEqual(["secret"]);
  });
});
