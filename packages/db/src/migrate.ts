import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";

const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));
// Any constant works; it only has to be the same for every process that migrates.
const MIGRATION_LOCK_KEY = 727_001;

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(`${dir}${file}`, "utf8");
      return { id: file.replace(/\.sql$/, ""), sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies the ordered migration history once. Each file runs in its own
 * transaction under an advisory lock, so two services starting together
 * cannot race, and a failed file leaves nothing half-applied. An applied
 * file whose text has since changed is an error: history is append-only.
 */
export async function migrate(connectionString: string, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`create table if not exists "schema_migrations" (
      "id" text primary key, "checksum" text not null, "applied_at" timestamptz not null default now())`);
    const { rows } = await client.query<{ id: string; checksum: string }>(
      `select "id", "checksum" from "schema_migrations"`,
    );
    const done = new Map(rows.map((r) => [r.id, r.checksum]));
    const applied: string[] = [];
    for (const m of await loadMigrations(dir)) {
      const known = done.get(m.id);
      if (known !== undefined) {
        if (known !== m.checksum) {
          throw new Error(`migration ${m.id} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await client.query("begin");
      try {
        await client.query(m.sql);
        await client.query(`insert into "schema_migrations" ("id", "checksum") values ($1, $2)`, [m.id, m.checksum]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`migration ${m.id} failed: ${(error as Error).message}`);
      }
      applied.push(m.id);
    }
    return { applied };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
