import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK_QUOTA } from "../../apps/api/src/tasks/store/task-quota.ts";
import { purgeTrash } from "../../apps/api/src/trash/service/purge-trash.ts";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser, type TestUser } from "./helpers/harness.ts";
import { call, expectProblem, tasksPath } from "./helpers/http.ts";
import { seedTasks } from "./helpers/seed.ts";
import { mintToken } from "./helpers/tokens.ts";

const h = createHarness();
let user: TestUser;
let token: string;

beforeAll(async () => {
  user = await h.createUser();
  token = await mintToken(user.id);
  // Straight into the table: 100,000 creates through HTTP would test patience, not the rule.
  await seedTasks(h.database.pool, user.id, TASK_QUOTA - 3);
}, 60_000);
afterAll(() => h.close());

describe("the task quota", () => {
  it(`allows exactly ${TASK_QUOTA} stored tasks, even under concurrent creates`, async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(h.app, "POST", tasksPath(user.id), { token, body: { title: `concurrent ${i}` } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 403, 403, 403, 403, 403]);
    expect(await h.countTasks(user.id)).toBe(TASK_QUOTA);

    const refused = results.find((r) => r.status === 403) as Response;
    const body = await expectProblem(refused, 403);
    expect(body.type).toBe("urn:todo:problem:quota-exceeded");
    expect(body.detail).toContain("100,000");
  });

  it("counts only what is outside the trash: a deleted task frees a place, restoring it over the quota is refused", async () => {
    const created = await call(h.app, "POST", tasksPath(user.id), { token, body: { title: "one too many" } });
    await expectProblem(created, 403);
    const { rows } = await h.database.pool.query<{ id: string }>(
      `select "id" from "task" where "user_id" = $1 and "deleted_at" is null limit 1`,
      [user.id],
    );
    const victim = rows[0]?.id as string;
    expect((await call(h.app, "DELETE", `${tasksPath(user.id)}/${victim}`, { token })).status).toBe(204);
    const freed = await call(h.app, "POST", tasksPath(user.id), { token, body: { title: "in its place" } });
    expect(freed.status).toBe(201);
    const restore = await call(h.app, "POST", `${tasksPath(user.id)}/${victim}/restore`, { token });
    const body = await expectProblem(restore, 403);
    expect(body.type).toBe("urn:todo:problem:quota-exceeded");
    expect(await h.countTasks(user.id)).toBe(TASK_QUOTA);
  });

  it("another user is not affected", async () => {
    const other = await h.createUser();
    const res = await call(h.app, "POST", tasksPath(other.id), {
      token: await mintToken(other.id),
      body: { title: "x" },
    });
    expect(res.status).toBe(201);
  });
});

describe("the live-task count the quota reads (kept by triggers, ADR 0078)", () => {
  let owner: SignedInUser;
  let api: Api;
  beforeAll(async () => {
    owner = await h.signIn();
    api = apiFor(h.app, owner);
  });

  /** The kept count must equal a real count(*) after every kind of write. */
  const expectExact = async (expected: number) => {
    const { rows } = await h.database.pool.query<{ kept: number; real: string }>(
      `select s."live_tasks" as kept,
        (select count(*) from "task" t where t."user_id" = s."user_id" and t."deleted_at" is null) as real
       from "user_change_seq" s where s."user_id" = $1`,
      [owner.id],
    );
    expect(rows).toEqual([{ kept: expected, real: String(expected) }]);
  };

  it("stays exact through create, trash, restore, bulk, empty trash, purge, import and recurring completion", async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map((n) => api.createTask({ title: `t${n}` })));
    await expectExact(3);
    expect((await api.del(`tasks/${a?.id}`)).status).toBe(204);
    await expectExact(2);
    await api.ok(await api.post(`tasks/${a?.id}/restore`));
    await expectExact(3);
    await api.ok(await api.post("tasks/bulk", { action: "delete", ids: [a?.id, b?.id] }));
    await expectExact(1);
    await api.ok(await api.post("tasks/bulk", { action: "restore", ids: [b?.id] }));
    await expectExact(2);
    expect((await api.del("trash")).status).toBe(204); // a goes for good; it was not counted
    await expectExact(2);

    // The 30-day purge (the job's own function) deletes only trashed rows: nothing counted changes.
    expect((await api.del(`tasks/${c?.id}`)).status).toBe(204);
    await h.database.pool.query(`update "task" set "deleted_at" = now() - interval '31 days' where "id" = $1`, [c?.id]);
    expect(await purgeTrash(h.database.db)).toBe(1);
    await expectExact(1);

    // An import adds every task of the file in one statement.
    const file = await (await api.get("export?format=json")).text();
    const imported = await h.app.request(`/api/${owner.id}/import?format=json`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      body: file,
    });
    expect(imported.status).toBe(200);
    await expectExact(2);

    // Completing a recurring task keeps a history copy: one more stored task.
    const series = await api.createTask({ title: "water plants", recurrence: "FREQ=DAILY", due_date: "2026-06-10" });
    await expectExact(3);
    await api.ok(await api.send("PATCH", `tasks/${series.id}/complete`));
    await expectExact(4);
  });

  it("is refused on the kept count, not on a recount: a count set at the quota refuses the next create", async () => {
    const user = await h.signIn();
    await h.database.pool.query(
      `insert into "user_change_seq" ("user_id", "live_tasks") values ($1, $2)
       on conflict ("user_id") do update set "live_tasks" = excluded."live_tasks"`,
      [user.id, TASK_QUOTA],
    );
    await expectProblem(
      await call(h.app, "POST", tasksPath(user.id), { token: user.token, body: { title: "x" } }),
      403,
    );
  });

  it("goes with the account, whose deletion is not held up by it", async () => {
    const user = await h.signIn();
    await apiFor(h.app, user).createTask({ title: "mine" });
    await h.database.pool.query(`delete from "user" where "id" = $1`, [user.id]);
    const { rowCount } = await h.database.pool.query(`select 1 from "user_change_seq" where "user_id" = $1`, [user.id]);
    expect(rowCount).toBe(0);
  });
});
