import { type Task, todayIn } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor, nextPage } from "./helpers/api.ts";
import { createHarness } from "./helpers/harness.ts";
import { call, expectFieldError, expectProblem } from "./helpers/http.ts";

const h = createHarness();
let api: Api;
const titles = (tasks: Task[]) => tasks.map((t) => t.title);
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  api = apiFor(h.app, await h.signIn());
  // Dates relative to today in UTC (the default zone of a user who saved none).
  await api.createTask({ title: "Résumé draft", description: "for the café job", due_date: shift(-2), priority: 2 });
  await api.createTask({ title: "Overdue done", due_date: shift(-1), completed: true });
  await api.createTask({ title: "Today timed", due_date: shift(0), due_time: "09:00", priority: 3 });
  await api.createTask({ title: "today untimed", due_date: shift(0), priority: 4, labels: ["Home"] });
  await api.createTask({ title: "Upcoming", due_date: shift(3), priority: 1, labels: ["home", "work"] });
  await api.createTask({ title: "apple no date", priority: 1 });
});
afterAll(() => h.close());

describe("contract 6.4: filters", () => {
  it.each([
    ["due=overdue", ["Résumé draft"]],
    ["due=today&sort=due", ["today untimed", "Today timed"]],
    ["due=upcoming", ["Upcoming"]],
    ["due=none", ["apple no date"]],
    ["due=scheduled&sort=due", ["Résumé draft", "Overdue done", "today untimed", "Today timed", "Upcoming"]],
    ["status=completed", ["Overdue done"]],
    ["status=pending&due=scheduled&sort=due", ["Résumé draft", "today untimed", "Today timed", "Upcoming"]],
    ["priority=1&sort=title", ["apple no date", "Upcoming"]],
    ["label=HOME&sort=title", ["today untimed", "Upcoming"]],
    [`due_from=${shift(-1)}&due_to=${shift(0)}&sort=due`, ["Overdue done", "today untimed", "Today timed"]],
    [`due_from=${shift(1)}`, ["Upcoming"]],
    ["q=resume", ["Résumé draft"]],
    ["q=CAFE%20jo", ["Résumé draft"]],
    ["q=caf", ["Résumé draft"]],
    ["q=resume%20nothing", []],
    ["list_id=inbox&due=none", ["apple no date"]],
  ])("%s", async (query, expected) => {
    expect(titles(await api.tasks(query))).toEqual(expected);
  });

  it("ignores unknown parameters", async () => {
    expect((await api.tasks("colour=red")).length).toBe(6);
  });

  it.each([
    ["status=done", "status"],
    ["priority=5", "priority"],
    ["due=someday", "due"],
    ["due_from=2026-02-30", "due_from"],
    ["sort=random", "sort"],
    ["limit=0", "limit"],
    ["limit=201", "limit"],
    ["tz=Mars/Olympus", "tz"],
    ["list_id=nope", "list_id"],
  ])("422 naming the parameter: %s", async (query, field) => {
    await expectFieldError(await api.get(`tasks?${query}`), field);
  });

  it("today follows tz, else the user's saved zone", async () => {
    const user = await h.signIn();
    const local = apiFor(h.app, user);
    // Kiritimati is UTC+14: its today is not always UTC's today.
    const kiritimati = todayIn("Pacific/Kiritimati");
    await local.createTask({ title: "k", due_date: kiritimati });
    expect(titles(await local.tasks("due=today&tz=Pacific/Kiritimati"))).toEqual(["k"]);
    await h.database.pool.query(`update "user" set "timeZone" = 'Pacific/Kiritimati' where "id" = $1`, [user.id]);
    expect(titles(await local.tasks("due=today"))).toEqual(["k"]);
  });
});

describe("contract 6.4: sorts", () => {
  it.each([
    ["created", ["apple no date", "Upcoming", "today untimed", "Today timed", "Overdue done", "Résumé draft"]],
    ["due", ["Résumé draft", "Overdue done", "today untimed", "Today timed", "Upcoming", "apple no date"]],
    ["priority", ["Upcoming", "apple no date", "Résumé draft", "Today timed", "Overdue done", "today untimed"]],
    ["title", ["apple no date", "Overdue done", "Résumé draft", "Today timed", "today untimed", "Upcoming"]],
    ["manual", ["Résumé draft", "Overdue done", "Today timed", "today untimed", "Upcoming", "apple no date"]],
  ])("sort=%s", async (sort, expected) => {
    expect(titles(await api.tasks(`sort=${sort}`))).toEqual(expected);
  });

  it("sort=updated puts the last change first", async () => {
    const [first] = await api.tasks("sort=created&limit=1");
    await api.put(`tasks/${(await api.tasks("sort=title"))[2]?.id}`, { priority: 2 });
    expect(titles(await api.tasks("sort=updated&limit=1"))).toEqual(["Résumé draft"]);
    expect(first).toBeDefined();
  });
});

describe("contract 6.4: pages", () => {
  it("pages 100 by default, with a Link to the next page keeping the other parameters", async () => {
    const user = await h.signIn();
    await h.database.pool.query(
      `insert into "task" ("user_id", "title", "position") select $1, 'bulk ' || i, 'a' || lpad(i::text, 4, '0')
       from generate_series(1, 150) i`,
      [user.id],
    );
    const res = await call(h.app, "GET", `/api/${user.id}/tasks?sort=title&status=pending`, { token: user.token });
    expect(((await res.json()) as Task[]).length).toBe(100);
    const next = nextPage(res);
    expect(next).toMatch(new RegExp(`^/api/${user.id}/tasks\\?`));
    const params = new URL(next ?? "", "http://x").searchParams;
    expect(params.get("sort")).toBe("title");
    expect(params.get("status")).toBe("pending");
    const last = await call(h.app, "GET", next ?? "", { token: user.token });
    expect(((await last.json()) as Task[]).length).toBe(50);
    expect(nextPage(last)).toBeUndefined();
  });

  it.each(["created", "updated", "due", "priority", "title", "manual"])(
    "walking sort=%s with inserts and deletes between pages: every unchanged task once, in order",
    async (sort) => {
      const user = await h.signIn();
      const a = apiFor(h.app, user);
      for (let i = 0; i < 25; i++) {
        await a.createTask({
          title: `t${String(i % 7).padStart(2, "0")}`,
          priority: (i % 4) + 1,
          ...(i % 3 ? { due_date: shift(i % 5), ...(i % 2 ? { due_time: "10:00" } : {}) } : {}),
        });
      }
      const full = await a.tasks(`sort=${sort}&limit=200`);
      const deleted = new Set([full[6]?.id, full[13]?.id]);
      const seen: string[] = [];
      let url: string | undefined = `/api/${user.id}/tasks?sort=${sort}&limit=4`;
      let page = 0;
      while (url) {
        const res = await call(h.app, "GET", url, { token: user.token });
        seen.push(...((await res.json()) as Task[]).map((t) => t.id));
        url = nextPage(res);
        if (page++ === 1) {
          for (const id of deleted) await a.del(`tasks/${id}`);
          await a.createTask({ title: "t03 new", priority: 2, due_date: shift(2) });
          await a.createTask({ title: "zz new" });
        }
      }
      const expected = full.map((t) => t.id).filter((id) => !deleted.has(id) || seen.includes(id));
      const unchangedSeen = seen.filter((id) => full.some((t) => t.id === id));
      expect(unchangedSeen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    },
  );

  it("a tampered, malformed or foreign cursor is 400", async () => {
    const res = await api.get("tasks?limit=2&sort=title");
    const next = new URL(nextPage(res) ?? "", "http://x");
    const cursor = next.searchParams.get("cursor") ?? "";
    const [payload, mac] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify({ s: "x", k: ["a", "00000000-0000-4000-8000-000000000000"] })).toString(
      "base64url",
    );
    for (const bad of ["garbage", `${forged}.${mac}`, `${payload}.${mac}x`, `${payload?.slice(1)}.${mac}`]) {
      await expectProblem(await api.get(`tasks?limit=2&sort=title&cursor=${encodeURIComponent(bad)}`), 400);
    }
    // The same cursor on another query (other sort or filter) is refused too.
    await expectProblem(await api.get(`tasks?limit=2&sort=due&cursor=${encodeURIComponent(cursor)}`), 400);
    await expectProblem(await api.get(`tasks?limit=2&sort=title&priority=1&cursor=${encodeURIComponent(cursor)}`), 400);
    // Another user cannot use it either: the cursor only carries keys, the query stays owner-scoped.
    expect((await api.get(`tasks?limit=2&sort=title&cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);
  });
});
