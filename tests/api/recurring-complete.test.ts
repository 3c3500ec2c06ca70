import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectFieldError } from "./helpers/http.ts";

// Contract 7.2 and ADR 0060. "Today" comes from the app's clock, set per test.
let clock = new Date("2026-06-10T12:00:00Z");
const h = createHarness({ now: () => clock });
let user: SignedInUser;
let api: Api;

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(() => h.close());

const setZone = (zone: string | null) =>
  h.database.pool.query(`update "user" set "timeZone" = $1 where "id" = $2`, [zone, user.id]);

const complete = async (id: string, body?: unknown) =>
  api.ok<Task>(await api.send("PATCH", `tasks/${id}/complete`, body));

interface Row {
  id: string;
  due_date: string;
  due_time: string | null;
  completed: boolean;
  completed_at: Date | null;
  recurrence: string | null;
  recurring_task_id: string | null;
  recurrence_done: number;
  version: number;
}

const ROW_COLUMNS = `"id", to_char("due_date", 'YYYY-MM-DD') as due_date, to_char("due_time", 'HH24:MI') as due_time,
  "completed", "completed_at", "recurrence", "recurring_task_id", "recurrence_done", "version"`;

/** The history copies of a series, oldest occurrence first, straight from the table. */
async function copiesOf(seriesId: string): Promise<Row[]> {
  const sql = `select ${ROW_COLUMNS} from "task" where "recurring_task_id" = $1 order by "due_date"`;
  return (await h.database.pool.query<Row>(sql, [seriesId])).rows;
}

async function seriesRow(id: string): Promise<Row> {
  return (await h.database.pool.query<Row>(`select ${ROW_COLUMNS} from "task" where "id" = $1`, [id])).rows[0] as Row;
}

const series = (recurrence: string, due_date: string, extra: Record<string, unknown> = {}) =>
  api.createTask({ title: `every ${recurrence} from ${due_date}`, recurrence, due_date, ...extra });

describe("contract 7.2: recurrence validation", () => {
  it.each([
    ["FREQ=HOURLY", "FREQ=HOURLY is not supported"],
    ["FREQ=DAILY;BYHOUR=9", "BYHOUR is not supported"],
    ["RRULE:FREQ=DAILY", "the RRULE: prefix is not supported"],
    ["FREQ=DAILY;UNTIL=20261231T000000Z", "UNTIL must be a date"],
    ["FREQ=DAILY;BYMONTHDAY=3", "BYMONTHDAY is not supported with FREQ=DAILY"],
    ["FREQ=MONTHLY;BYDAY=MO,FR", "BYDAY with FREQ=MONTHLY must be one weekday"],
    ["FREQ=DAILY;COUNT=2;UNTIL=20261231", "COUNT and UNTIL cannot both be given"],
  ])("refuses %s naming the part (%s) and stores nothing", async (recurrence, message) => {
    const before = await h.countTasks(user.id);
    const res = await api.post("tasks", { title: "x", due_date: "2026-06-10", recurrence });
    expect(await expectFieldError(res, "recurrence")).toContain(message);
    expect(await h.countTasks(user.id)).toBe(before);
  });

  it("stores the rule in its canonical spelling", async () => {
    const task = await series("freq=weekly;byday=fr,mo;interval=1", "2026-06-12");
    expect(task.recurrence).toBe("FREQ=WEEKLY;BYDAY=MO,FR");
    const res = await api.put(`tasks/${task.id}`, { recurrence: "FREQ=MONTHLY;BYDAY=-1fr" });
    expect((await api.ok<Task>(res)).recurrence).toBe("FREQ=MONTHLY;BYDAY=-1FR");
  });

  it("still needs a due_date", async () => {
    const res = await api.post("tasks", { title: "x", recurrence: "FREQ=DAILY" });
    expect(await expectFieldError(res, "recurrence")).toBe("needs a due_date");
  });
});

describe("contract 7.2: completing a recurring task", () => {
  it("keeps a history copy of the occurrence and moves the series, one version on", async () => {
    await setZone(null);
    clock = new Date("2026-06-10T12:00:00Z");
    const list = await api.createList("Chores");
    const task = await series("FREQ=DAILY", "2026-06-10", {
      due_time: "09:00",
      description: "the plants",
      list_id: list.id,
      labels: ["home", "Daily"],
      priority: 2,
    });
    const moved = await complete(task.id);
    expect(moved).toMatchObject({
      id: task.id,
      completed: false,
      completed_at: null,
      due_date: "2026-06-11",
      due_time: "09:00",
      recurrence: "FREQ=DAILY",
      recurring_task_id: null,
      version: 2,
    });
    const [copy, ...more] = await copiesOf(task.id);
    expect(more).toEqual([]);
    expect(copy).toMatchObject({ due_date: "2026-06-10", due_time: "09:00", completed: true, recurrence: null });
    expect(copy?.completed_at).toBeInstanceOf(Date);
    const shown = await api.ok<Task>(await api.get(`tasks/${copy?.id}`));
    expect(shown).toMatchObject({
      title: task.title,
      description: "the plants",
      list_id: list.id,
      labels: ["home", "Daily"],
      priority: 2,
      recurring_task_id: task.id,
      version: 1,
    });
    // Placed next to its series in the list's manual order.
    expect(shown.position < moved.position).toBe(true);
  });

  it("writes the copy and the move in one transaction: a failing move leaves no copy", async () => {
    const task = await series("FREQ=DAILY", "2026-06-10", { title: "atomic-probe" });
    await h.database.pool.query(`create or replace function pg_temp_fail_move() returns trigger language plpgsql as
      $$ begin raise exception 'move refused by the test'; end $$`);
    await h.database.pool.query(`create trigger fail_move before update of "due_date" on "task" for each row
      when (old."id" = '${task.id}') execute function pg_temp_fail_move()`);
    try {
      const res = await api.send("PATCH", `tasks/${task.id}/complete`);
      expect(res.status).toBe(500);
    } finally {
      await h.database.pool.query(`drop trigger fail_move on "task"; drop function pg_temp_fail_move()`);
    }
    expect(await copiesOf(task.id)).toEqual([]);
    expect(await seriesRow(task.id)).toMatchObject({ due_date: "2026-06-10", completed: false, version: 1 });
  });

  it("moves after today when the series is overdue", async () => {
    clock = new Date("2026-06-10T12:00:00Z");
    const task = await series("FREQ=DAILY", "2026-06-01");
    expect((await complete(task.id, { completed: true })).due_date).toBe("2026-06-11");
    expect((await copiesOf(task.id)).map((c) => c.due_date)).toEqual(["2026-06-01"]);
  });

  it("toggling a history copy changes only the copy", async () => {
    const task = await series("FREQ=WEEKLY", "2026-06-10");
    const moved = await complete(task.id);
    const [copy] = await copiesOf(task.id);
    const reopened = await complete(copy?.id as string);
    expect(reopened).toMatchObject({ completed: false, recurrence: null, recurring_task_id: task.id });
    expect(await seriesRow(task.id)).toMatchObject({ due_date: moved.due_date, version: moved.version });
    expect(await copiesOf(task.id)).toHaveLength(1);
  });

  it("PUT completed: true writes the other fields, then keeps the copy and moves", async () => {
    const task = await series("FREQ=DAILY", "2026-06-10");
    const moved = await api.ok<Task>(await api.put(`tasks/${task.id}`, { title: "Water", completed: true }));
    expect(moved).toMatchObject({ title: "Water", completed: false, due_date: "2026-06-11" });
    const [copy] = await copiesOf(task.id);
    expect((await api.ok<Task>(await api.get(`tasks/${copy?.id}`))).title).toBe("Water");
  });

  it("bulk complete moves series and completes plain tasks in the same call", async () => {
    const a = await series("FREQ=DAILY", "2026-06-10");
    const plain = await api.createTask({ title: "plain" });
    const res = await api.post("tasks/bulk", { ids: [a.id, plain.id], action: "complete" });
    const body = await api.ok<{ count: number; tasks: Task[] }>(res);
    expect(body.count).toBe(2);
    expect(body.tasks.find((t) => t.id === a.id)).toMatchObject({ completed: false, due_date: "2026-06-11" });
    expect(body.tasks.find((t) => t.id === plain.id)).toMatchObject({ completed: true });
    expect((await copiesOf(a.id)).map((c) => c.due_date)).toEqual(["2026-06-10"]);
  });

  it("the same series completed in parallel: one history copy per occurrence, never two for one", async () => {
    clock = new Date("2026-06-10T12:00:00Z");
    const task = await series("FREQ=DAILY", "2026-06-10");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => api.send("PATCH", `tasks/${task.id}/complete`, { completed: true })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Each completion completes the occurrence the series is on once it holds the row (ADR 0060).
    const copies = await copiesOf(task.id);
    expect(copies.map((c) => c.due_date)).toEqual(["2026-06-10", "2026-06-11", "2026-06-12", "2026-06-13"]);
    expect(await seriesRow(task.id)).toMatchObject({ due_date: "2026-06-14", version: 5, completed: false });
  });
});

describe("contract 7.2: the next occurrence", () => {
  it.each([
    // America/New_York springs forward on 2026-03-08 and falls back on 2026-11-01.
    ["America/New_York", "2026-03-07", "2026-03-07T14:30:00Z", "2026-03-08"],
    ["America/New_York", "2026-03-08", "2026-03-08T13:30:00Z", "2026-03-09"],
    ["America/New_York", "2026-10-31", "2026-10-31T13:30:00Z", "2026-11-01"],
    ["America/New_York", "2026-11-01", "2026-11-01T14:30:00Z", "2026-11-02"],
    // 22:00 on the 7th in New York is already the 8th in UTC: today is the user's day.
    ["America/New_York", "2026-03-07", "2026-03-08T03:00:00Z", "2026-03-08"],
    // Pacific/Auckland leaves summer time on 2026-04-05 and starts it on 2026-09-27; its day is ahead of UTC's.
    ["Pacific/Auckland", "2026-04-04", "2026-04-03T20:30:00Z", "2026-04-05"],
    ["Pacific/Auckland", "2026-04-05", "2026-04-04T21:30:00Z", "2026-04-06"],
    ["Pacific/Auckland", "2026-04-04", "2026-04-04T20:00:00Z", "2026-04-06"],
    ["Pacific/Auckland", "2026-09-27", "2026-09-26T21:30:00Z", "2026-09-28"],
  ])("a daily 09:00 task in %s due %s completed at %s moves to %s at 09:00", async (zone, due, now, next) => {
    await setZone(zone);
    clock = new Date(now);
    const task = await series("FREQ=DAILY", due, { due_time: "09:00" });
    expect(await complete(task.id)).toMatchObject({ due_date: next, due_time: "09:00", completed: false });
    expect(await copiesOf(task.id)).toMatchObject([{ due_date: due, due_time: "09:00" }]);
  });

  it("BYMONTHDAY=31 skips the months without a 31st", async () => {
    await setZone(null);
    clock = new Date("2026-01-31T12:00:00Z");
    const task = await series("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31");
    expect((await complete(task.id)).due_date).toBe("2026-03-31");
    clock = new Date("2026-03-31T12:00:00Z");
    expect((await complete(task.id)).due_date).toBe("2026-05-31");
  });

  it("-1FR is the last Friday of each month", async () => {
    clock = new Date("2026-01-30T12:00:00Z");
    const task = await series("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30");
    expect((await complete(task.id)).due_date).toBe("2026-02-27");
    clock = new Date("2026-02-27T12:00:00Z");
    expect((await complete(task.id)).due_date).toBe("2026-03-27");
  });

  it("COUNT ends the series: the last completion completes it and makes no copy", async () => {
    clock = new Date("2026-06-10T12:00:00Z");
    const task = await series("FREQ=DAILY;COUNT=2", "2026-06-10");
    expect(await complete(task.id)).toMatchObject({ completed: false, due_date: "2026-06-11" });
    expect((await seriesRow(task.id)).recurrence_done).toBe(1);
    clock = new Date("2026-06-11T12:00:00Z");
    const last = await complete(task.id);
    expect(last).toMatchObject({ completed: true, due_date: "2026-06-11", recurrence: "FREQ=DAILY;COUNT=2" });
    expect(last.completed_at).not.toBeNull();
    expect((await copiesOf(task.id)).map((c) => c.due_date)).toEqual(["2026-06-10"]);
  });

  it("UNTIL ends the series the same way", async () => {
    clock = new Date("2026-06-10T12:00:00Z");
    const task = await series("FREQ=WEEKLY;UNTIL=20260620", "2026-06-10");
    expect((await complete(task.id)).due_date).toBe("2026-06-17");
    clock = new Date("2026-06-17T12:00:00Z");
    expect(await complete(task.id)).toMatchObject({ completed: true, due_date: "2026-06-17" });
    expect(await copiesOf(task.id)).toHaveLength(1);
  });

  it("a new rule counts COUNT afresh; sending the same rule keeps the count", async () => {
    clock = new Date("2026-06-10T12:00:00Z");
    const task = await series("FREQ=DAILY;COUNT=3", "2026-06-10");
    await complete(task.id);
    await api.ok<Task>(await api.put(`tasks/${task.id}`, { recurrence: "FREQ=DAILY;COUNT=3", title: "same" }));
    expect((await seriesRow(task.id)).recurrence_done).toBe(1);
    await api.ok<Task>(await api.put(`tasks/${task.id}`, { recurrence: "FREQ=DAILY;COUNT=5" }));
    expect((await seriesRow(task.id)).recurrence_done).toBe(0);
  });
});
