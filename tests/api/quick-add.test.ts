import type { List, QuickAddParse, Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectFieldError } from "./helpers/http.ts";

// Contract 7.1. 2026-11-30 12:00 UTC is already 2026-12-01 01:00 in Auckland.
const clock = new Date("2026-11-30T12:00:00Z");
const h = createHarness({ now: () => clock });
let alice: SignedInUser;
let bob: SignedInUser;
let api: Api;
let home: List;
const EXAMPLE = "Pay rent every month on the 1st p1 #Home @bills";

beforeAll(async () => {
  alice = await h.signIn();
  bob = await h.signIn();
  api = apiFor(h.app, alice);
  // Bob has lists with the same and other names: none of them may ever match for Alice.
  const bobApi = apiFor(h.app, bob);
  await bobApi.createList("home");
  await bobApi.createList("Groceries");
  home = await api.createList("Home");
});
afterAll(() => h.close());

const setZone = (userId: string, zone: string | null) =>
  h.database.pool.query(`update "user" set "timeZone" = $1 where "id" = $2`, [zone, userId]);
const parse = async (body: Record<string, unknown>) => api.ok<QuickAddParse>(await api.post("tasks/parse", body));

describe("contract 7.1: POST .../tasks/parse", () => {
  it("reads the contract's example and creates nothing", async () => {
    const before = await h.countTasks(alice.id);
    expect(await parse({ text: EXAMPLE, tz: "Europe/Paris" })).toEqual({
      title: "Pay rent",
      due_date: "2026-12-01",
      due_time: null,
      priority: 1,
      labels: ["bills"],
      list_id: home.id,
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      tokens: [
        { start: 9, end: 31, kind: "recurrence" },
        { start: 32, end: 34, kind: "priority" },
        { start: 35, end: 40, kind: "list" },
        { start: 41, end: 47, kind: "label" },
      ],
    });
    expect(await h.countTasks(alice.id)).toBe(before);
  });

  it("matches only the caller's own lists", async () => {
    const read = await parse({ text: "milk #Groceries" });
    expect(read).toMatchObject({ title: "milk #Groceries", list_id: null, tokens: [] });
  });

  it("answers a line that is only parts with an empty title", async () => {
    expect(await parse({ text: "tomorrow p1 @x" })).toMatchObject({ title: "", priority: 1, labels: ["x"] });
  });

  it("keeps literal ranges as text (the web's Backspace over a highlight)", async () => {
    const text = "Enjoy the sun p2";
    expect(await parse({ text })).toMatchObject({ title: "Enjoy the", priority: 2 });
    const kept = await parse({ text, literal: [{ start: 10, end: 13 }] });
    expect(kept).toMatchObject({ title: "Enjoy the sun", due_date: null, priority: 2 });
    const task = await api.ok<Task>(await api.post("tasks/quick", { text, literal: [{ start: 10, end: 13 }] }), 201);
    expect(task).toMatchObject({ title: "Enjoy the sun", due_date: null });
  });

  it("reads today in tz, else the saved zone, else UTC", async () => {
    await setZone(alice.id, null);
    expect((await parse({ text: "call mom today" })).due_date).toBe("2026-11-30");
    await setZone(alice.id, "Pacific/Auckland");
    expect((await parse({ text: "call mom today" })).due_date).toBe("2026-12-01");
    expect((await parse({ text: "call mom today", tz: "America/New_York" })).due_date).toBe("2026-11-30");
    await setZone(alice.id, null);
  });

  it.each([
    [{ text: "x", tz: "Mars/Olympus" }, "tz"],
    [{ text: "x".repeat(501) }, "text"],
    [{}, "text"],
    [{ text: 5 }, "text"],
    [{ text: "x", title: "y" }, "title"],
    [{ text: "abc", literal: [{ start: 2, end: 9 }] }, "literal.0.end"],
    [{ text: "abc", literal: [{ start: 2, end: 1 }] }, "literal.0.end"],
    [{ text: "abc", literal: [{ start: -1, end: 1 }] }, "literal.0.start"],
  ])("refuses %j with 422 on %s", async (body, field) => {
    await expectFieldError(await api.post("tasks/parse", body), field);
  });
});

describe("contract 7.1: POST .../tasks/quick", () => {
  it("creates the task the parse describes: 201 with Location", async () => {
    const before = await h.countTasks(alice.id);
    const res = await api.post("tasks/quick", { text: EXAMPLE, tz: "Europe/Paris" });
    const task = await api.ok<Task>(res, 201);
    expect(res.headers.get("location")).toBe(`/api/${alice.id}/tasks/${task.id}`);
    expect(task).toMatchObject({
      title: "Pay rent",
      due_date: "2026-12-01",
      due_time: null,
      priority: 1,
      labels: ["bills"],
      list_id: home.id,
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      completed: false,
      version: 1,
    });
    expect(await h.countTasks(alice.id)).toBe(before + 1);
  });

  it("never files a task in another user's list", async () => {
    const task = await api.ok<Task>(await api.post("tasks/quick", { text: "eggs #home" }), 201);
    expect(task.list_id).toBe(home.id);
    const other = await api.ok<Task>(await api.post("tasks/quick", { text: "eggs #Groceries" }), 201);
    expect(other).toMatchObject({ list_id: null, title: "eggs #Groceries" });
  });

  it.each([
    ["only parts", "tomorrow 5pm p2 @x", "has no title left"],
    ["a title over 200 characters", `${"a".repeat(201)} tomorrow`, "title that must be at most 200 characters"],
  ])("refuses %s with 422 on text and stores nothing", async (_, text, message) => {
    const before = await h.countTasks(alice.id);
    expect(await expectFieldError(await api.post("tasks/quick", { text }), "text")).toContain(message);
    expect(await h.countTasks(alice.id)).toBe(before);
  });

  it("refuses an unknown zone with 422 on tz", async () => {
    await expectFieldError(await api.post("tasks/quick", { text: "x today", tz: "Nowhere/Land" }), "tz");
  });

  it("a recurring task typed in one line rolls forward with its history kept", async () => {
    const task = await api.ok<Task>(await api.post("tasks/quick", { text: "Stretch every day at 9" }), 201);
    // 12:00 UTC is past 09:00, so the series starts tomorrow.
    expect(task).toMatchObject({ recurrence: "FREQ=DAILY", due_date: "2026-12-01", due_time: "09:00" });
    const moved = await api.ok<Task>(await api.send("PATCH", `tasks/${task.id}/complete`));
    expect(moved).toMatchObject({ due_date: "2026-12-02", due_time: "09:00", completed: false });
    const done = await api.tasks("status=completed");
    expect(done.filter((t) => t.recurring_task_id === task.id).map((t) => t.due_date)).toEqual(["2026-12-01"]);
  });
});
