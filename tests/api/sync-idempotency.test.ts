import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncHousekeeping } from "../../apps/api/src/sync/retention-job.ts";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectFieldError, expectProblem, sleep } from "./helpers/http.ts";

// Contract 8: Idempotency-Key on writes, stored in PostgreSQL.
const h = createHarness();
// A second instance of the API on the same database.
const other = createHarness();
let user: SignedInUser;
let api: Api;

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(async () => {
  await h.close();
  await other.close();
});

const key = (k: string) => ({ headers: { "idempotency-key": k } });
const uniqueKey = () => `k-${crypto.randomUUID()}`;

async function record(userId: string, k: string) {
  const { rows } = await h.database.pool.query(
    `select "status", "created_at" from "idempotency_key" where "user_id" = $1 and "key" = $2`,
    [userId, k],
  );
  return rows[0] as { status: number | null; created_at: Date } | undefined;
}

describe("contract 8: Idempotency-Key", () => {
  it("a repeated create answers the first response again, marked replayed, and creates nothing more", async () => {
    const k = uniqueKey();
    const before = await h.countTasks(user.id);
    const first = await api.send("POST", "tasks", { title: "once" }, key(k));
    const task = await api.ok<Task>(first.clone(), 201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await api.send("POST", "tasks", { title: "once" }, key(k));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(await again.json()).toEqual(task);
    // From another instance too: the record lives in PostgreSQL.
    const elsewhere = await apiFor(other.app, user).send("POST", "tasks", { title: "once" }, key(k));
    expect(elsewhere.headers.get("idempotent-replayed")).toBe("true");
    expect(await h.countTasks(user.id)).toBe(before + 1);
  });

  it("a repeated toggle or delete does the work once", async () => {
    const task = await api.createTask({ title: "toggle me" });
    const k = uniqueKey();
    for (let i = 0; i < 3; i++) await api.ok(await api.send("PATCH", `tasks/${task.id}/complete`, undefined, key(k)));
    expect((await api.ok<Task>(await api.get(`tasks/${task.id}`))).completed).toBe(true);
    const d = uniqueKey();
    expect((await api.send("DELETE", `tasks/${task.id}`, undefined, key(d))).status).toBe(204);
    const again = await api.send("DELETE", `tasks/${task.id}`, undefined, key(d));
    expect(again.status).toBe(204);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("the same key with another body, path or method is 422 and does nothing", async () => {
    const k = uniqueKey();
    await api.ok(await api.send("POST", "tasks", { title: "first" }, key(k)), 201);
    const before = await h.countTasks(user.id);
    await expectFieldError(await api.send("POST", "tasks", { title: "second" }, key(k)), "Idempotency-Key");
    await expectFieldError(await api.send("POST", "lists", { name: "first" }, key(k)), "Idempotency-Key");
    const task = await api.createTask();
    await expectFieldError(await api.send("PUT", `tasks/${task.id}`, { title: "first" }, key(k)), "Idempotency-Key");
    expect(await h.countTasks(user.id)).toBe(before + 1);
  });

  it("a key that is not 1 to 255 visible ASCII characters is 400", async () => {
    for (const bad of ["has space", "x".repeat(256), "é"]) {
      await expectProblem(await api.send("POST", "tasks", { title: "x" }, key(bad)), 400);
    }
    await api.ok(await api.send("POST", "tasks", { title: "x" }, key("!~".repeat(127))), 201);
  });

  it("a repeat while the first is still running is 409; once it answers, repeats replay it", async () => {
    await api.createTask({ title: "makes the counter row" });
    // Hold the user's change counter: the first request blocks inside its write transaction.
    const holder = await h.database.pool.connect();
    await holder.query("begin");
    await holder.query(`select 1 from "user_change_seq" where "user_id" = $1 for update`, [user.id]);
    const k = uniqueKey();
    const first = api.send("POST", "tasks", { title: "slow" }, key(k));
    for (let i = 0; i < 100 && !(await record(user.id, k)); i++) await sleep(20);
    const duplicate = await api.send("POST", "tasks", { title: "slow" }, key(k));
    await expectProblem(duplicate, 409);
    await holder.query("rollback");
    holder.release();
    const created = await api.ok<Task>(await first, 201);
    const replay = await api.send("POST", "tasks", { title: "slow" }, key(k));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replay.json()) as Task).id).toBe(created.id);
  });

  it("keys of different users never collide", async () => {
    const k = uniqueKey();
    const bob = apiFor(h.app, await h.signIn());
    const a = await api.ok<Task>(await api.send("POST", "tasks", { title: "same" }, key(k)), 201);
    const b = await bob.send("POST", "tasks", { title: "same" }, key(k));
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    const bt = await bob.ok<Task>(b, 201);
    expect(bt.id).not.toBe(a.id);
    expect(bt.user_id).not.toBe(a.user_id);
  });

  it("records expire after 24 hours (the job deletes them; an expired key is a new request)", async () => {
    const k = uniqueKey();
    await api.ok(await api.send("POST", "tasks", { title: "old" }, key(k)), 201);
    const age = (hours: number) =>
      h.database.pool.query(
        `update "idempotency_key" set "created_at" = now() - make_interval(hours => $3) where "user_id" = $1 and "key" = $2`,
        [user.id, k, hours],
      );
    await age(23);
    await syncHousekeeping(h.database.db);
    expect(await record(user.id, k)).toBeDefined();
    await age(25);
    // Before the job runs, the expired record no longer binds the key.
    const fresh = await api.send("POST", "tasks", { title: "new" }, key(k));
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("idempotent-replayed")).toBeNull();
    await age(25);
    await syncHousekeeping(h.database.db);
    expect(await record(user.id, k)).toBeUndefined();
  });

  it("a record left running by a process that died is taken over after its lease", async () => {
    const k = uniqueKey();
    await h.database.pool.query(
      `insert into "idempotency_key" ("user_id", "key", "method", "path", "body_hash", "created_at")
       values ($1, $2, 'POST', $3, 'x', now() - interval '3 minutes')`,
      [user.id, k, `/api/${user.id}/tasks`],
    );
    const res = await api.send("POST", "tasks", { title: "after a crash" }, key(k));
    expect(res.status).toBe(201);
    expect((await record(user.id, k))?.status).toBe(201);
  });
});
