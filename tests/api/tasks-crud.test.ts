import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type SignedInUser, taskRow } from "./helpers/harness.ts";
import {
  call,
  createTask,
  expectFieldError,
  expectProblem,
  RFC3339_UTC_RE,
  sleep,
  taskPath,
  tasksPath,
  UUID_RE,
} from "./helpers/http.ts";
import { mintToken } from "./helpers/tokens.ts";

const h = createHarness();
let user: SignedInUser;
let token: string;
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  user = await h.signIn();
  token = user.token;
});
afterAll(() => h.close());

describe("POST /api/{user_id}/tasks", () => {
  it("creates a task: 201, Location, server-set fields, defaults", async () => {
    const res = await call(h.app, "POST", tasksPath(user.id), { token, body: { title: "  Buy milk  " } });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const task = (await res.json()) as Task;
    expect(task.id).toMatch(UUID_RE);
    expect(res.headers.get("location")).toBe(`/api/${user.id}/tasks/${task.id}`);
    expect(task).toMatchObject({ user_id: user.id, title: "Buy milk", description: null, completed: false });
    expect(Object.keys(task).sort()).toEqual(
      [
        "completed",
        "completed_at",
        "created_at",
        "description",
        "due_date",
        "due_time",
        "id",
        "labels",
        "list_id",
        "position",
        "priority",
        "recurrence",
        "recurring_task_id",
        "title",
        "updated_at",
        "user_id",
        "version",
      ].sort(),
    );
    expect(task).toMatchObject({ list_id: null, due_date: null, priority: 4, labels: [], version: 1 });
    expect(task.created_at).toMatch(RFC3339_UTC_RE);
    expect(task.updated_at).toMatch(RFC3339_UTC_RE);
    expect(Math.abs(Date.parse(task.created_at) - Date.now())).toBeLessThan(60_000);

    const row = await taskRow(h.database, task.id);
    expect(row).toMatchObject({ user_id: user.id, title: "Buy milk", description: null, completed: false });
    expect(row?.created_at.toISOString()).toBe(task.created_at);

    const located = await call(h.app, "GET", res.headers.get("location") ?? "", { token });
    expect(located.status).toBe(200);
    expect(await located.json()).toEqual(task);
  });

  it("keeps description and completed when sent", async () => {
    const task = await createTask(h.app, user.id, token, {
      title: "Done already",
      description: "notes",
      completed: true,
    });
    expect(task).toMatchObject({ title: "Done already", description: "notes", completed: true });
  });

  it("gives every task a distinct id", async () => {
    const a = await createTask(h.app, user.id, token);
    const b = await createTask(h.app, user.id, token);
    expect(a.id).not.toBe(b.id);
  });
});

describe("GET /api/{user_id}/tasks", () => {
  it("lists newest first and filters by status", async () => {
    const u = await h.createUser();
    const t = await mintToken(u.id);
    const empty = await call(h.app, "GET", tasksPath(u.id), { token: t });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual([]);

    const first = await createTask(h.app, u.id, t, { title: "first" });
    const second = await createTask(h.app, u.id, t, { title: "second", completed: true });
    const third = await createTask(h.app, u.id, t, { title: "third" });

    const titles = async (query: string) => {
      const res = await call(h.app, "GET", `${tasksPath(u.id)}${query}`, { token: t });
      expect(res.status).toBe(200);
      const list = (await res.json()) as Task[];
      expect(Array.isArray(list)).toBe(true);
      return list.map((x) => x.title);
    };
    expect(await titles("")).toEqual(["third", "second", "first"]);
    expect(await titles("?status=all")).toEqual(["third", "second", "first"]);
    expect(await titles("?status=pending")).toEqual(["third", "first"]);
    expect(await titles("?status=completed")).toEqual(["second"]);

    const full = (await (await call(h.app, "GET", tasksPath(u.id), { token: t })).json()) as Task[];
    expect(full).toEqual([third, second, first]);
  });

  it("refuses an unknown status with 422 naming it", async () => {
    const res = await call(h.app, "GET", `${tasksPath(user.id)}?status=done`, { token });
    await expectFieldError(res, "status");
  });
});

describe("GET /api/{user_id}/tasks/{id}", () => {
  it("returns the task", async () => {
    const task = await createTask(h.app, user.id, token, { title: "read me", description: "d" });
    const res = await call(h.app, "GET", taskPath(user.id, task.id), { token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(task);
  });

  it("404s for an unknown id and for an id that is not a UUID", async () => {
    const body = await expectProblem(await call(h.app, "GET", taskPath(user.id, MISSING_ID), { token }), 404);
    expect(body.title).toBe("Not Found");
    await expectProblem(await call(h.app, "GET", taskPath(user.id, "12345"), { token }), 404);
    await expectProblem(await call(h.app, "GET", taskPath(user.id, "x'; drop table task;--"), { token }), 404);
  });
});

describe("PUT /api/{user_id}/tasks/{id}", () => {
  it("changes the fields sent, keeps the others, and moves updated_at", async () => {
    const task = await createTask(h.app, user.id, token, { title: "old", description: "keep me" });
    await sleep(15);
    const res = await call(h.app, "PUT", taskPath(user.id, task.id), { token, body: { completed: true } });
    expect(res.status).toBe(200);
    const updated = (await res.json()) as Task;
    expect(updated).toMatchObject({ id: task.id, title: "old", description: "keep me", completed: true });
    expect(updated.created_at).toBe(task.created_at);
    expect(updated.updated_at).toMatch(RFC3339_UTC_RE);
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));

    const renamed = await call(h.app, "PUT", taskPath(user.id, task.id), {
      token,
      body: { title: " new ", description: null },
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ title: "new", description: null, completed: true });
    expect(await taskRow(h.database, task.id)).toMatchObject({ title: "new", description: null, completed: true });
  });

  it("with an empty object changes nothing", async () => {
    const task = await createTask(h.app, user.id, token, { title: "same" });
    const res = await call(h.app, "PUT", taskPath(user.id, task.id), { token, body: {} });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(task);
  });

  it("404s for an unknown id", async () => {
    await expectProblem(await call(h.app, "PUT", taskPath(user.id, MISSING_ID), { token, body: { title: "x" } }), 404);
  });
});

describe("DELETE /api/{user_id}/tasks/{id}", () => {
  it("answers 204 with no body, then 404", async () => {
    const task = await createTask(h.app, user.id, token);
    const res = await call(h.app, "DELETE", taskPath(user.id, task.id), { token });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    // Deleting puts it in the trash (contract 6.5): still stored, invisible to every read.
    expect((await taskRow(h.database, task.id))?.deleted_at).toBeInstanceOf(Date);
    await expectProblem(await call(h.app, "GET", taskPath(user.id, task.id), { token }), 404);
    await expectProblem(await call(h.app, "DELETE", taskPath(user.id, task.id), { token }), 404);
  });
});

describe("PATCH /api/{user_id}/tasks/{id}/complete", () => {
  const complete = (id: string, body?: unknown) =>
    call(h.app, "PATCH", `${taskPath(user.id, id)}/complete`, body === undefined ? { token } : { token, body });

  it("toggles without a body", async () => {
    const task = await createTask(h.app, user.id, token);
    const on = await complete(task.id);
    expect(on.status).toBe(200);
    expect(await on.json()).toMatchObject({ id: task.id, completed: true });
    const off = await complete(task.id);
    expect(await off.json()).toMatchObject({ id: task.id, completed: false });
    expect((await taskRow(h.database, task.id))?.completed).toBe(false);
  });

  it("toggles when Content-Type says JSON but the body is empty (as many HTTP clients send)", async () => {
    const task = await createTask(h.app, user.id, token);
    const path = `${taskPath(user.id, task.id)}/complete`;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const on = await h.app.request(path, { method: "PATCH", headers });
    expect(on.status, await on.clone().text()).toBe(200);
    expect(await on.json()).toMatchObject({ completed: true });
    const off = await h.app.request(path, { method: "PATCH", headers, body: "" });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ completed: false });
    // An empty body is "no body" only where a body is optional: create still needs one.
    const create = await h.app.request(tasksPath(user.id), { method: "POST", headers, body: "" });
    expect(create.status).toBe(400);
  });

  it("sets the value from a body, idempotently", async () => {
    const task = await createTask(h.app, user.id, token);
    await sleep(15);
    const first = await complete(task.id, { completed: true });
    expect(first.status).toBe(200);
    const once = (await first.json()) as Task;
    expect(once.completed).toBe(true);
    expect(Date.parse(once.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));
    const second = await complete(task.id, { completed: true });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(once);
    const back = await complete(task.id, { completed: false });
    expect(await back.json()).toMatchObject({ completed: false });
  });

  it("refuses a body that is not {completed: boolean}", async () => {
    const task = await createTask(h.app, user.id, token);
    expect(await expectFieldError(await complete(task.id, { completed: "yes" }), "completed")).toMatch(/true or false/);
    await expectFieldError(await complete(task.id, {}), "completed");
    await expectFieldError(await complete(task.id, { completed: true, title: "x" }), "title");
    expect((await taskRow(h.database, task.id))?.completed).toBe(false);
  });

  it("404s for an unknown id", async () => {
    await expectProblem(await complete(MISSING_ID), 404);
    await expectProblem(await complete(MISSING_ID, { completed: true }), 404);
  });
});

describe("unknown routes", () => {
  it("answer 404 problem JSON", async () => {
    const body = await expectProblem(await call(h.app, "GET", "/nope"), 404);
    expect(body.detail).toContain("/nope");
    await expectProblem(await call(h.app, "GET", `${tasksPath(user.id)}/a/b/c`, { token }), 404);
  });
});
