import type { Task } from "@todo/contract";
import { STILL_RUNNING_PROBLEM } from "@todo/contract/rules";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { syncHousekeeping } from "../../apps/api/src/sync/retention-job.ts";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectFieldError, expectProblem, sleep } from "./helpers/http.ts";
import { type ApiProcess, startTestApi } from "./helpers/process.ts";

// Contract 8: Idempotency-Key on writes, stored in PostgreSQL.
const h = createHarness();
// A second instance of the API on the same database.
const other = createHarness();
let user: SignedInUser;
let api: Api;
const spawned: ApiProcess[] = [];

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(async () => {
  for (const p of spawned) if (p.child.exitCode === null) p.child.kill("SIGKILL");
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

/**
 * Waits until a backend of this run's database waits for a lock in a statement matching
 * `query` (a write blocked by a lock the test holds), and returns its pid.
 */
async function blockedBackend(query: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await h.database.pool.query<{ pid: number }>(
      `select "pid" from pg_stat_activity
       where "datname" = current_database() and "wait_event_type" = 'Lock' and "query" ilike $1`,
      [`%${query}%`],
    );
    if (rows[0]) return rows[0].pid;
    await sleep(20);
  }
  throw new Error(`no backend blocked in ${query}`);
}

/** The test's own transaction, holding an uncommitted record of key `k`: the API's record of it waits. */
async function holdRecord(userId: string, k: string) {
  const holder = await h.database.pool.connect();
  await holder.query("begin");
  await holder.query(
    `insert into "idempotency_key" ("user_id", "key", "method", "path", "body_hash") values ($1, $2, 'POST', 'held', 'x')`,
    [userId, k],
  );
  return {
    release: async () => {
      await holder.query("rollback");
      holder.release();
    },
  };
}

async function countTitled(userId: string, title: string) {
  const { rows } = await h.database.pool.query<{ n: number }>(
    `select count(*)::int as "n" from "task" where "user_id" = $1 and "title" = $2`,
    [userId, title],
  );
  return rows[0]?.n ?? -1;
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

  it("a keyed write refused by a database rule inside its service is stored and replayed, and writes nothing", async () => {
    const k = uniqueKey();
    const before = await h.countTasks(user.id);
    // An unknown list fails the task's foreign key inside the create's transaction (a savepoint here).
    const body = { title: "nowhere", list_id: crypto.randomUUID() };
    await expectFieldError(await api.send("POST", "tasks", body, key(k)), "list_id");
    const again = await api.send("POST", "tasks", body, key(k));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    await expectFieldError(again, "list_id");
    expect((await record(user.id, k))?.status).toBe(422);
    expect(await h.countTasks(user.id)).toBe(before);
  });

  it("a key that is not 1 to 255 visible ASCII characters is 400", async () => {
    for (const bad of ["has space", "x".repeat(256), "é"]) {
      await expectProblem(await api.send("POST", "tasks", { title: "x" }, key(bad)), 400);
    }
    await api.ok(await api.send("POST", "tasks", { title: "x" }, key("!~".repeat(127))), 201);
  });

  it("a repeat while the first is still running is 409 (its own type, Retry-After); once it answers, repeats replay it", async () => {
    await api.createTask({ title: "makes the counter row" });
    // Hold the user's change counter: the first request blocks inside its write transaction.
    const holder = await h.database.pool.connect();
    await holder.query("begin");
    await holder.query(`select 1 from "user_change_seq" where "user_id" = $1 for update`, [user.id]);
    const k = uniqueKey();
    const first = api.send("POST", "tasks", { title: "slow" }, key(k));
    await blockedBackend("user_change_seq");
    const duplicate = await api.send("POST", "tasks", { title: "slow" }, key(k));
    // Its own type, so a client waits and repeats it instead of taking it for a refusal (ADR 0150).
    expect((await expectProblem(duplicate, 409)).type).toBe(STILL_RUNNING_PROBLEM);
    expect(duplicate.headers.get("retry-after")).toBe("1");
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

  it("reusing an expired key while the housekeeping job deletes it cannot deadlock with the job", async () => {
    await api.createTask({ title: "makes the counter row" });
    const k = uniqueKey();
    await h.database.pool.query(
      `insert into "idempotency_key" ("user_id", "key", "method", "path", "body_hash", "status", "created_at")
       values ($1, $2, 'POST', 'old', 'x', 201, now() - interval '25 hours')`,
      [user.id, k],
    );
    // The job's order (syncHousekeeping): expired records first, then the user's change counter.
    const job = await h.database.pool.connect();
    await job.query("begin");
    await job.query(
      `delete from "idempotency_key" where "user_id" = $1 and "created_at" < now() - interval '24 hours'`,
      [user.id],
    );
    const write = api.send("POST", "tasks", { title: "after expiry" }, key(k));
    await blockedBackend(`"idempotency_key"`);
    // Were the write holding the counter while it waits for the record, this would deadlock.
    await job.query(`update "user_change_seq" set "pruned_through" = "pruned_through" where "user_id" = $1`, [user.id]);
    await job.query("commit");
    job.release();
    const res = await write;
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
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
  it("a duplicate on another instance while the first runs is 409 at once, then replays the first answer", async () => {
    await api.createTask({ title: "makes the counter row" });
    const holder = await h.database.pool.connect();
    await holder.query("begin");
    await holder.query(`select 1 from "user_change_seq" where "user_id" = $1 for update`, [user.id]);
    const k = uniqueKey();
    const first = api.send("POST", "tasks", { title: "two instances" }, key(k));
    await blockedBackend("user_change_seq");
    // The second instance neither waits for the first nor does the work: the first is still blocked.
    const elsewhere = apiFor(other.app, user);
    const duplicate = await elsewhere.send("POST", "tasks", { title: "two instances" }, key(k));
    await expectProblem(duplicate, 409);
    expect(duplicate.headers.get("retry-after")).toBe("1");
    await holder.query("rollback");
    holder.release();
    const created = await api.ok<Task>(await first, 201);
    const replay = await elsewhere.send("POST", "tasks", { title: "two instances" }, key(k));
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(created);
    expect(await countTitled(user.id, "two instances")).toBe(1);
  });

  it("a write that fails with 5xx after doing its work leaves neither the task nor the key", async () => {
    const k = uniqueKey();
    const held = await holdRecord(user.id, k);
    const write = api.send("POST", "tasks", { title: "lost connection" }, key(k));
    // The task is inserted; the record waits for the test's row. Then the database connection goes.
    const pid = await blockedBackend(`insert into "idempotency_key"`);
    await h.database.pool.query("select pg_terminate_backend($1)", [pid]);
    await expectProblem(await write, 503);
    await held.release();
    expect(await countTitled(user.id, "lost connection")).toBe(0);
    expect(await record(user.id, k)).toBeUndefined();
    // So the retry does the work, once.
    await api.ok(await api.send("POST", "tasks", { title: "lost connection" }, key(k)), 201);
    expect(await countTitled(user.id, "lost connection")).toBe(1);
  });

  it("a process killed after the work and before its answer is stored did nothing: the retry does it once", async () => {
    const first = await startTestApi(inject("databaseUrl"));
    spawned.push(first.proc);
    const k = uniqueKey();
    const title = `crash ${k}`;
    const post = (origin: string) =>
      fetch(`${origin}/api/${user.id}/tasks`, {
        method: "POST",
        headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json", "idempotency-key": k },
        body: JSON.stringify({ title }),
      });
    const held = await holdRecord(user.id, k);
    const lost = post(first.origin).catch(() => "connection lost");
    // The API has written the task and waits to record its answer: kill it there.
    const pid = await blockedBackend(`insert into "idempotency_key"`);
    first.proc.child.kill("SIGKILL");
    expect(await first.proc.exited).toBe("SIGKILL");
    expect(await lost).toBe("connection lost");
    // PostgreSQL would notice the closed socket only once the blocked statement ends, and then
    // finish that statement: end the dead process's session now, so nothing it sent completes.
    await h.database.pool.query("select pg_terminate_backend($1)", [pid]);
    await held.release();

    const second = await startTestApi(inject("databaseUrl"));
    spawned.push(second.proc);
    // The ended session may hold the key for a moment longer: a client honours Retry-After.
    let retry = await post(second.origin);
    for (let i = 0; i < 50 && retry.status === 409; i++) {
      await sleep(100);
      retry = await post(second.origin);
    }
    expect(retry.status, await retry.clone().text()).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    const task = (await retry.json()) as Task;
    expect(await countTitled(user.id, title)).toBe(1);
    const again = await post(second.origin);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(task);
    expect(await countTitled(user.id, title)).toBe(1);
    second.proc.child.kill("SIGTERM");
    await second.proc.exited;
  }, 120_000);
});
