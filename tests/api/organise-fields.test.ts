import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectFieldError } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let api: Api;

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(() => h.close());

describe("contract 6.1: new task fields", () => {
  it("creates with every field and answers every field back", async () => {
    const list = await api.createList("Home");
    const task = await api.createTask({
      title: "Pay rent",
      list_id: list.id,
      due_date: "2026-12-01",
      due_time: "09:30",
      priority: 1,
      labels: ["Bills", "home", "bills", "HOME"],
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
    });
    expect(task).toMatchObject({
      list_id: list.id,
      due_date: "2026-12-01",
      due_time: "09:30",
      priority: 1,
      labels: ["Bills", "home"],
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      recurring_task_id: null,
      completed_at: null,
      version: 1,
    });
    expect(task.position).toMatch(/^[0-9A-Za-z]+$/);
  });

  it("keeps the first spelling a user used for a label", async () => {
    await api.createTask({ title: "one", labels: ["Errands"] });
    const second = await api.createTask({ title: "two", labels: ["ERRANDS"] });
    expect(second.labels).toEqual(["Errands"]);
  });

  it.each([
    [{ due_date: "2026-02-30" }, "due_date"],
    [{ due_date: "26-02-01" }, "due_date"],
    [{ due_time: "09:30" }, "due_time"],
    [{ due_date: "2026-03-01", due_time: "24:00" }, "due_time"],
    [{ priority: 0 }, "priority"],
    [{ priority: 5 }, "priority"],
    [{ priority: 2.5 }, "priority"],
    [{ labels: ["two words"] }, "labels.0"],
    [{ labels: ["#tag"] }, "labels.0"],
    [{ labels: ["@me"] }, "labels.0"],
    [{ labels: ["x".repeat(51)] }, "labels.0"],
    [{ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) }, "labels"],
    [{ recurrence: "FREQ=DAILY" }, "recurrence"],
    [{ due_date: "2026-03-01", recurrence: "FREQ=HOURLY" }, "recurrence"],
    [{ list_id: "00000000-0000-4000-8000-000000000000" }, "list_id"],
    [{ list_id: "not-a-list" }, "list_id"],
    [{ position: "a0" }, "position"],
    [{ version: 3 }, "version"],
    [{ completed_at: "2026-01-01T00:00:00Z" }, "completed_at"],
    [{ recurring_task_id: null }, "recurring_task_id"],
  ])("refuses %j with 422 on %s and stores nothing", async (extra, field) => {
    const before = await h.countTasks(user.id);
    await expectFieldError(await api.post("tasks", { title: "x", ...extra }), field);
    expect(await h.countTasks(user.id)).toBe(before);
  });

  it("refuses another user's list with the same 422 as an unknown one", async () => {
    const other = apiFor(h.app, await h.signIn());
    const theirs = await other.createList("Theirs");
    const message = await expectFieldError(await api.post("tasks", { title: "x", list_id: theirs.id }), "list_id");
    expect(message).toBe("is not one of your lists");
    const mine = await api.createTask();
    await expectFieldError(await api.put(`tasks/${mine.id}`, { list_id: theirs.id }), "list_id");
    expect((await other.tasks()).length).toBe(0);
  });

  it("bumps version on every change, sets and clears completed_at, clears due_time with due_date", async () => {
    const task = await api.createTask({ title: "v", due_date: "2026-05-05", due_time: "08:00" });
    const put = await api.ok<Task>(await api.put(`tasks/${task.id}`, { priority: 2 }));
    expect(put.version).toBe(2);
    const done = await api.ok<Task>(await api.send("PATCH", `tasks/${task.id}/complete`));
    expect(done).toMatchObject({ completed: true, version: 3 });
    expect(Date.parse(done.completed_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
    // Setting the value it already has is no change.
    const again = await api.ok<Task>(await api.send("PATCH", `tasks/${task.id}/complete`, { completed: true }));
    expect(again.version).toBe(3);
    const reopened = await api.ok<Task>(await api.put(`tasks/${task.id}`, { completed: false }));
    expect(reopened).toMatchObject({ completed: false, completed_at: null, version: 4 });
    const cleared = await api.ok<Task>(await api.put(`tasks/${task.id}`, { due_date: null }));
    expect(cleared).toMatchObject({ due_date: null, due_time: null, version: 5 });
    // A time on a task with no date is refused against the stored task too.
    await expectFieldError(await api.put(`tasks/${task.id}`, { due_time: "10:00" }), "due_time");
    expect((await api.ok<Task>(await api.get(`tasks/${task.id}`))).version).toBe(5);
  });

  it("replaces labels on PUT, keeping the order given", async () => {
    const task = await api.createTask({ title: "l", labels: ["a", "b"] });
    const updated = await api.ok<Task>(await api.put(`tasks/${task.id}`, { labels: ["c", "A"] }));
    expect(updated.labels).toEqual(["c", "a"]);
  });

  it("an old client (title/description/completed only) still works", async () => {
    const task = await api.createTask({ title: "old", description: "d", completed: true });
    expect(task).toMatchObject({ title: "old", description: "d", completed: true, priority: 4, labels: [] });
    expect(task.completed_at).not.toBeNull();
  });
});
