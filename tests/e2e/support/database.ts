import pg from "pg";
import { afterAll, inject } from "vitest";

/**
 * The test run's scratch database, for checking what reached PostgreSQL: one small pool per test
 * file, opened on first use and closed after the file (as `sharedBrowser` does for Chromium).
 */
export function sharedDatabase() {
  let pool: pg.Pool | undefined;
  afterAll(() => pool?.end());
  return {
    query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
      pool ??= new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
      return pool.query<R>(text, values);
    },
  };
}

/** One statement on its own connection: creating and dropping the databases a started stack uses. */
export async function runAsAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
