import type { Database } from "@todo/db";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Runs one of the API's own service functions against the bench database and
 * records the SQL it sent, so pgbench replays exactly the statements an endpoint
 * runs (not a hand-copied look-alike that drifts when the service changes).
 */
export async function captureSql(
  connectionString: string,
  run: (db: Kysely<Database>) => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 1 }) }),
    log: (event) => {
      if (event.level === "query") captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  if (captured.length === 0) throw new Error("the service function sent no SQL");
  return captured;
}
