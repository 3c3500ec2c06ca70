import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type TaskRow, type TestUser, taskRow } from "./helpers/harness.ts";
import { call, createTask, expectProblem, taskPath, tasksPath } from "./helpers/http.ts";
import { mintToken } from "./helpers/tokens.ts";

const h = createHarness();
let alice: TestUser;
let bob: TestUser;
let aliceToken: string;
let bobToken: string;
let aliceTask: Task;
let aliceRow: TaskRow | undefined;

beforeAll(async () => {
  alice = await h.createUser();
  bob = await h.createUser();
  aliceToken = await mintToken(alice.id);
  bobToken = await mintToken(bob.id);
  aliceTask = await createTask(h.app, alice.id, aliceToken, { title: "Alice's secret", description: "private" });
  aliceRow = await taskRow(h.database, aliceTask.id);
  // Bob has a task of his own, so his list is not trivially empty.
  await createTask(h.app, bob.id, bobToken, { title: "Bob's" });
});
afterAll(() => h.close());

/** Alice's task, read directly from the database and through her own token, is exactly as created. */
async function expectAliceUntouched() {
  expect(await taskRow(h.database, aliceTask.id)).toEqual(aliceRow);
  expect(await h.countTasks(alice.id)).toBe(1);
  const res = await call(h.app, "GET", taskPath(alice.id, aliceTask.id), { token: aliceToken });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual(aliceTask);
  const list = await call(h.app, "GET", tasksPath(alice.id), { token: aliceToken });
  expect(await list.json()).toEqual([aliceTask]);
}

describe("Bob, on his own path, naming Alice's task id", () => {
  const own = () => taskPath(bob.id, aliceTask.id);

  it.each([
    ["GET", () => call(h.app, "GET", own(), { token: bobToken })],
    ["PUT", () => call(h.app, "PUT", own(), { token: bobToken, body: { title: "hijacked", completed: true } })],
    ["PATCH toggle", () => call(h.app, "PATCH", `${own()}/complete`, { token: bobToken })],
    ["PATCH set", () => call(h.app, "PATCH", `${own()}/complete`, { token: bobToken, body: { completed: true } })],
    ["DELETE", () => call(h.app, "DELETE", own(), { token: bobToken })],
  ])("%s: 404, same as a task that never existed", async (_name, send) => {
    const body = await expectProblem(await send(), 404);
    const never = await expectProblem(
      await call(h.app, "GET", taskPath(bob.id, "00000000-0000-4000-8000-000000000000"), { token: bobToken }),
      404,
    );
    expect(body.detail).toBe(never.detail);
    expect(body.detail).not.toContain(alice.id);
    await expectAliceUntouched();
  });

  it("his list never shows it", async () => {
    const res = await call(h.app, "GET", tasksPath(bob.id), { token: bobToken });
    const list = (await res.json()) as Task[];
    expect(list.map((t) => t.title)).toEqual(["Bob's"]);
    expect(list.every((t) => t.user_id === bob.id)).toBe(true);
  });
});

describe("Bob's token on Alice's path", () => {
  const path = () => tasksPath(alice.id);
  const item = () => taskPath(alice.id, aliceTask.id);

  it.each([
    ["GET list", () => call(h.app, "GET", path(), { token: bobToken })],
    ["GET list ?status=completed", () => call(h.app, "GET", `${path()}?status=completed`, { token: bobToken })],
    ["POST", () => call(h.app, "POST", path(), { token: bobToken, body: { title: "planted" } })],
    ["GET one", () => call(h.app, "GET", item(), { token: bobToken })],
    ["PUT", () => call(h.app, "PUT", item(), { token: bobToken, body: { title: "hijacked" } })],
    ["PATCH toggle", () => call(h.app, "PATCH", `${item()}/complete`, { token: bobToken })],
    ["PATCH set", () => call(h.app, "PATCH", `${item()}/complete`, { token: bobToken, body: { completed: true } })],
    ["DELETE", () => call(h.app, "DELETE", item(), { token: bobToken })],
    [
      "GET an id that does not exist",
      () => call(h.app, "GET", taskPath(alice.id, "00000000-0000-4000-8000-000000000000"), { token: bobToken }),
    ],
    [
      "POST with an invalid body (403 before validation)",
      () => call(h.app, "POST", path(), { token: bobToken, body: { title: "" } }),
    ],
    [
      "POST with malformed JSON (403 before parsing)",
      () => call(h.app, "POST", path(), { token: bobToken, body: "{nope" }),
    ],
  ])("%s: 403", async (_name, send) => {
    const body = await expectProblem(await send(), 403);
    expect(body.title).toBe("Forbidden");
    expect(JSON.stringify(body)).not.toContain("Alice's secret");
    await expectAliceUntouched();
  });

  it("a path user id differing only in case is someone else: 403", async () => {
    const upper = alice.id.toUpperCase();
    await expectProblem(await call(h.app, "GET", tasksPath(upper), { token: aliceToken }), 403);
  });
});

describe("user_id in the body cannot move a task to someone else", () => {
  it("is refused on create and on update", async () => {
    const res = await call(h.app, "POST", tasksPath(bob.id), {
      token: bobToken,
      body: { title: "x", user_id: alice.id },
    });
    await expectProblem(res, 422);
    const put = await call(h.app, "PUT", taskPath(alice.id, aliceTask.id), {
      token: aliceToken,
      body: { user_id: bob.id },
    });
    await expectProblem(put, 422);
    await expectAliceUntouched();
  });
});
