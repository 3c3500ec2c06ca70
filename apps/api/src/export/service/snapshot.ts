import type { Database } from "@todo/db";
import type { Compilable, Kysely } from "kysely";
import type pg from "pg";

/**
 * One read-only REPEATABLE READ transaction on its own connection: every batch of an export
 * sees the same moment, so a task edited or moved while the file downloads is neither skipped
 * nor written twice. Kysely's transactions are callback-shaped and cannot span a stream's
 * pulls, so queries are built with Kysely and run on this client.
 */
export interface Snapshot {
  rows<R>(query: Compilable<R>): Promise<R[]>;
  close(): Promise<void>;
}

export async function openSnapshot(pool: pg.Pool): Promise<Snapshot> {
  const client = await pool.connect();
  try {
    await client.query("begin isolation level repeatable read read only");
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  let closed = false;
  return {
    async rows<R>(query: Compilable<R>) {
      const { sql, parameters } = query.compile();
      return (await client.query(sql, parameters as unknown[])).rows as R[];
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.query("commit");
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    },
  };
}

export type Db = Kysely<Database>;
