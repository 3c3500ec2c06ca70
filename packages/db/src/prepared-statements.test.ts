import type pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createDb, createPool, type DbHandle } from "./pool.ts";

// One connection per pool, so pg_prepared_statements (per session) is the pool's whole story.
const url = inject("databaseUrl");
const open: { end: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.end()));
});

function db(options: Parameters<typeof createDb>[1] = {}): DbHandle {
  const handle = createDb(url, { max: 1, ...options });
  open.push({ end: handle.close });
  return handle;
}

function pool(options: Omit<Parameters<typeof createPool>[0], "connectionString"> = {}): pg.Pool {
  const p = createPool({ connectionString: url, max: 1, ...options });
  open.push({ end: () => p.end() });
  return p;
}

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}
// No values: the wrapper names only parameterised calls, so this one never lists itself.
async function prepared(p: pg.Pool): Promise<Prepared[]> {
  const { rows } = await p.query<Prepared>(
    "select name, statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements order by name",
  );
  return rows;
}

const taskCount = (handle: DbHandle, userId: string) =>
  handle.db
    .selectFrom("task")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();

describe("repeated queries as named prepared statements (ADR 0079)", () => {
  it("the API's database prepares a repeated Kysely query once per connection and reuses it", async () => {
    const handle = db();
    for (let i = 0; i < 5; i++) await taskCount(handle, `user-${i}`);
    const statements = await prepared(handle.pool);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.name).toMatch(/^todo_[0-9a-f]{24}$/);
    expect(statements[0]?.statement).toContain('from "task"');
    // Seen once unnamed, then prepared on the second call and executed by name four times.
    expect(statements[0]?.runs).toBe(4);
  });

  it("a text run once stays unnamed", async () => {
    const handle = db();
    await taskCount(handle, "someone");
    expect(await prepared(handle.pool)).toEqual([]);
  });

  it("names at most maxNames distinct texts; the rest stay unnamed", async () => {
    const p = pool({ preparedStatements: { maxNames: 2 } });
    for (const n of [1, 2, 3, 4]) {
      for (let i = 0; i < 3; i++) await p.query(`select $1::int + ${n} as x`, [i]);
    }
    const statements = await prepared(p);
    expect(statements.map((s) => s.statement)).toEqual(
      expect.arrayContaining(["select $1::int + 1 as x", "select $1::int + 2 as x"]),
    );
    expect(statements).toHaveLength(2);
  });

  it("only plannable statements get a name (not BEGIN, SET or EXPLAIN)", async () => {
    const p = pool({ preparedStatements: true });
    for (let i = 0; i < 3; i++) {
      await p.query("select set_config('application_name', $1, false)", [`todo-${i}`]);
      await p.query("explain select $1::int", [i]);
    }
    expect((await prepared(p)).map((s) => s.statement)).toEqual(["select set_config('application_name', $1, false)"]);
  });

  it("off: DATABASE_PREPARED_STATEMENTS=false sends every query unnamed", async () => {
    const handle = db({ preparedStatements: false });
    for (let i = 0; i < 5; i++) await taskCount(handle, `user-${i}`);
    expect(await prepared(handle.pool)).toEqual([]);
  });

  it("a plain pool (the web's) prepares nothing unless asked", async () => {
    const p = pool();
    for (let i = 0; i < 5; i++) await p.query("select $1::int as x", [i]);
    expect(await prepared(p)).toEqual([]);
  });

  it("after a migration changes a statement's columns, one call fails and the next prepares it afresh", async () => {
    const p = pool({ preparedStatements: true });
    // Checked out, as Kysely holds it: pool.query would drop a connection after any error.
    const client = await p.connect();
    try {
      await client.query("create temp table prepared_stale (id int)");
      await client.query("insert into prepared_stale values (1)");
      const read = () => client.query("select * from prepared_stale where id = $1", [1]);
      await read();
      await read(); // now prepared
      await client.query("alter table prepared_stale add column note text");
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      expect((await read()).rows).toEqual([{ id: 1, note: null }]);
      expect((await read()).rows).toEqual([{ id: 1, note: null }]);
    } finally {
      client.release();
    }
  });
});
