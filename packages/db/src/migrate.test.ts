import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadMigrations, migrate } from "./migrate.ts";

// Each test here gets an empty database of its own on the test server.
const serverUrl = inject("databaseServerUrl");
const created: string[] = [];

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<string> {
  const name = `todo_migrate_${randomBytes(4).toString("hex")}`;
  await query(serverUrl, `create database "${name}"`);
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const schemaSnapshot = (url: string) =>
  query<{ table_name: string; column_name: string; data_type: string }>(
    url,
    `select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' order by table_name, column_name`,
  ).then((r) => r.rows);

afterAll(async () => {
  for (const name of created) await query(serverUrl, `drop database if exists "${name}" with (force)`);
});

describe("migrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await emptyDatabase();
  });

  it("applies the whole history in order on an empty database", async () => {
    const ids = (await loadMigrations()).map((m) => m.id);
    expect(ids).toEqual([...ids].sort());
    expect(await migrate(url)).toEqual({ applied: ids });
    const tables = (
      await query<{ tablename: string }>(url, "select tablename from pg_tables where schemaname = 'public'")
    ).rows.map((r) => r.tablename);
    for (const t of ["user", "session", "account", "verification", "jwks", "rateLimit", "task", "database_identity"]) {
      expect(tables).toContain(t);
    }
  });

  it("is idempotent: a second run applies nothing and changes no column", async () => {
    const before = await schemaSnapshot(url);
    expect(await migrate(url)).toEqual({ applied: [] });
    expect(await schemaSnapshot(url)).toEqual(before);
  });

  it("survives two services migrating at the same moment", async () => {
    const fresh = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(fresh), migrate(fresh)]);
    expect([...a.applied, ...b.applied].sort()).toEqual((await loadMigrations()).map((m) => m.id));
  });

  it("refuses a history whose applied file was edited", async () => {
    await query(url, `update "schema_migrations" set "checksum" = 'tampered' where "id" = '0002_tasks'`);
    await expect(migrate(url)).rejects.toThrow(/0002_tasks was changed/);
    const { rows } = await query<{ checksum: string }>(
      url,
      `select "checksum" from "schema_migrations" where "id" = '0002_tasks'`,
    );
    expect(rows[0]?.checksum).toBe("tampered");
  });

  it("indexes a user's tasks newest first", async () => {
    const { rows } = await query<{ indexdef: string }>(
      url,
      "select indexdef from pg_indexes where tablename = 'task' and indexname = 'task_created_idx'",
    );
    // Outside the trash only (migration 0010).
    expect(rows[0]?.indexdef).toMatch(/\(user_id, created_at DESC, id DESC\) WHERE \(deleted_at IS NULL\)/);
  });

  it("deletes a user's tasks with the user", async () => {
    const id = `u_${randomBytes(4).toString("hex")}`;
    await query(url, `insert into "user" (id, name, email, "emailVerified") values ($1, 'x', $2, false)`, [
      id,
      `${id}@x.test`,
    ]);
    await query(url, `insert into "task" (user_id, title, position) values ($1, 'a', 'a0'), ($1, 'b', 'a1')`, [id]);
    await query(url, `delete from "user" where id = $1`, [id]);
    const { rows } = await query<{ n: string }>(url, `select count(*) as n from "task" where user_id = $1`, [id]);
    expect(rows[0]?.n).toBe("0");
  });

  it("rolls back a failing migration completely", async () => {
    const fresh = await emptyDatabase();
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    writeFileSync(join(dir, "0001_ok.sql"), "create table a (id int);");
    writeFileSync(join(dir, "0002_bad.sql"), "create table b (id int); select nonsense_function();");
    const broken = await loadMigrations(`${dir}/`);
    expect(broken.map((m) => m.id)).toEqual(["0001_ok", "0002_bad"]);
    await expect(migrate(fresh, `${dir}/`)).rejects.toThrow(/0002_bad failed/);
    const { rows } = await query<{ tablename: string }>(
      fresh,
      "select tablename from pg_tables where schemaname = 'public'",
    );
    const tables = rows.map((r) => r.tablename).sort();
    expect(tables).toEqual(["a", "schema_migrations"]);
  });
});

describe("database identity", () => {
  it("is created once and kept by later runs", async () => {
    const fresh = await emptyDatabase();
    await migrate(fresh);
    const first = await query<{ id: string }>(fresh, `select "id" from "database_identity"`);
    await migrate(fresh);
    const second = await query<{ id: string }>(fresh, `select "id" from "database_identity"`);
    expect(first.rows).toHaveLength(1);
    expect(second.rows).toEqual(first.rows);
  });
});
