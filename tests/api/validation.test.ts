import { DESCRIPTION_MAX, type Task, TITLE_MAX } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type SignedInUser, taskRow } from "./helpers/harness.ts";
import { call, createTask, expectFieldError, expectProblem, taskPath, tasksPath } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let token: string;

beforeAll(async () => {
  user = await h.signIn();
  token = user.token;
});
afterAll(() => h.close());

const create = (body: unknown) => call(h.app, "POST", tasksPath(user.id), { token, body });

/** POSTs `body`, expects a 422 naming `field` (message matching `message`), and no new row. */
async function refused(body: unknown, field: string, message?: RegExp) {
  const before = await h.countTasks(user.id);
  const text = await expectFieldError(await create(body), field);
  if (message) expect(text).toMatch(message);
  expect(await h.countTasks(user.id)).toBe(before);
}

async function accepted(body: Record<string, unknown>): Promise<Task> {
  const before = await h.countTasks(user.id);
  const res = await create(body);
  expect(res.status, await res.clone().text()).toBe(201);
  expect(await h.countTasks(user.id)).toBe(before + 1);
  return (await res.json()) as Task;
}

describe("title", () => {
  it.each([
    ["missing", {}, /required/],
    ["empty", { title: "" }, /empty/],
    ["whitespace only", { title: " \u00a0\u2003 " }, /empty/],
    [`${TITLE_MAX + 1} characters`, { title: "a".repeat(TITLE_MAX + 1) }, /at most 200/],
    [`${TITLE_MAX + 1} emoji`, { title: "😀".repeat(TITLE_MAX + 1) }, /at most 200/],
    ["NUL", { title: "a\u0000b" }, /control/],
    ["BEL", { title: "ring\u0007" }, /control/],
    ["a newline inside", { title: "two\nlines" }, /control/],
    ["a tab inside", { title: "a\tb" }, /control/],
    ["DEL", { title: "a\u007fb" }, /control/],
    ["a C1 control", { title: "a\u0085b" }, /control/],
    ["a number", { title: 5 }, /string/],
    ["null", { title: null }, /string/],
    ["an array", { title: ["x"] }, /string/],
  ])("%s: 422", async (_name, body, message) => {
    await refused(body, "title", message);
  });

  it(`accepts exactly ${TITLE_MAX} characters, counted in code points`, async () => {
    expect((await accepted({ title: "a".repeat(TITLE_MAX) })).title).toHaveLength(TITLE_MAX);
    const emoji = "😀".repeat(TITLE_MAX);
    expect(emoji.length).toBe(2 * TITLE_MAX); // UTF-16 units: a naive .length check would refuse it
    expect((await accepted({ title: emoji })).title).toBe(emoji);
  });

  it("trims before counting, and stores the trimmed title", async () => {
    const task = await accepted({ title: `  ${"b".repeat(TITLE_MAX)}  ` });
    expect(task.title).toBe("b".repeat(TITLE_MAX));
    expect((await taskRow(h.database, task.id))?.title).toBe("b".repeat(TITLE_MAX));
  });
});

describe("description", () => {
  it.each([
    [`${DESCRIPTION_MAX + 1} characters`, "d".repeat(DESCRIPTION_MAX + 1), /at most 1000/],
    [`${DESCRIPTION_MAX + 1} emoji`, "🎉".repeat(DESCRIPTION_MAX + 1), /at most 1000/],
    ["a NUL", "a\u0000b", /control/],
    ["a number", 5, /string/],
    ["an object", { text: "x" }, /string/],
  ])("%s: 422", async (_name, description, message) => {
    await refused({ title: "ok", description }, "description", message);
  });

  it(`accepts ${DESCRIPTION_MAX} characters, newlines, tabs and null`, async () => {
    expect((await accepted({ title: "t", description: "d".repeat(DESCRIPTION_MAX) })).description).toHaveLength(1000);
    const multi = "line one\nline two\r\n\tindented\n";
    expect((await accepted({ title: "t", description: multi })).description).toBe(multi);
    expect((await accepted({ title: "t", description: null })).description).toBeNull();
  });
});

describe("completed", () => {
  it.each([["yes"], ["true"], [1], [null]])("%j: 422", async (completed) => {
    await refused({ title: "ok", completed }, "completed", /true or false/);
  });
});

describe("fields that may not be sent", () => {
  it("an unknown field", async () => {
    await refused({ title: "ok", urgency: "high" }, "urgency", /not a known field/);
  });

  it.each([["id"], ["user_id"], ["created_at"], ["updated_at"]])("server-owned %s", async (field) => {
    const value = field.endsWith("_at") ? new Date().toISOString() : "00000000-0000-4000-8000-000000000000";
    await refused({ title: "ok", [field]: value }, field, /set by the server/);
  });
});

describe("a body that is not an object", () => {
  it.each([[["title"]], ["a string"], [42], [null], [true]])("%j: 422 naming the body", async (body) => {
    await refused(JSON.stringify(body), "body");
  });
});

it("reports every problem at once", async () => {
  const before = await h.countTasks(user.id);
  const body = await expectProblem(await create({ title: "", completed: "yes", id: "x", extra: 1 }), 422);
  expect(body.errors?.map((e) => e.field).sort()).toEqual(["completed", "extra", "id", "title"]);
  expect(body.detail).toContain("title");
  expect(await h.countTasks(user.id)).toBe(before);
});

describe("PUT validates the same way and changes nothing when refused", () => {
  it.each([
    ["empty title", { title: "" }, "title"],
    ["whitespace title", { title: "   " }, "title"],
    ["201-character title", { title: "x".repeat(201) }, "title"],
    ["control character", { title: "a\u0007" }, "title"],
    ["1001-character description", { description: "x".repeat(1001) }, "description"],
    ["completed as a string", { completed: "yes" }, "completed"],
    ["unknown field", { title: "ok", colour: "red" }, "colour"],
    ["server-owned id", { id: "00000000-0000-4000-8000-000000000000" }, "id"],
    ["server-owned created_at", { created_at: "2000-01-01T00:00:00Z" }, "created_at"],
    ["an array body", ["title"], "body"],
  ])("%s", async (_name, body, field) => {
    const task = await createTask(h.app, user.id, token, { title: "stable", description: "keep" });
    const before = await taskRow(h.database, task.id);
    await expectFieldError(await call(h.app, "PUT", taskPath(user.id, task.id), { token, body }), field);
    expect(await taskRow(h.database, task.id)).toEqual(before);
  });
});
