import "server-only";
import { createPool } from "@todo/db/pool";
import type pg from "pg";
import { getServerEnv } from "../env";

// One pool per server process. Kept on globalThis so `next dev` reloads do not
// open a new pool (and leak connections) on every edit.
const key = Symbol.for("todo.web.pool");
type Holder = { [key]?: pg.Pool };

/**
 * The same pool the API uses (packages/db/src/pool.ts): every client has an error listener
 * for life, so a database restart cannot crash the web, and connects fail fast (503).
 */
export function getPool(): pg.Pool {
  const holder = globalThis as Holder;
  holder[key] ??= createPool({
    connectionString: getServerEnv().databaseUrl,
    max: 10,
    onConnectionError: (error) => console.warn("[web] database connection lost:", error.message),
  });
  return holder[key];
}
