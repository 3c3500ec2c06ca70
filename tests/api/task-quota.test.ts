import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TASK_QUOTA } from "../../apps/api/src/tasks/store/task-quota.ts";
import { createHarness, type TestUser } from "./helpers/harness.ts";
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
