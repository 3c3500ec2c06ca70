import "server-only";
import pg from "pg";
import { getServerEnv } from "../env";

// One pool per server process. Kept on globalThis so `next dev` reloads do not
// open a new pool (and leak connections) on every edit.
const key = Symbol.for("todo.web.pool");
type Holder = { [key]?: pg.Pool };

export function getPool(): pg.Pool {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const pool = new pg.Pool({
      connectionString: getServerEnv().databaseUrl,
      max: 10,
      // An unreachable database should fail a request quickly, not hang it.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // A dropped idle connection (database restart) must not crash the server.
    pool.on("error", (error) => console.error("[web] idle database connection lost:", error.message));
    holder[key] = pool;
  }
  return holder[key];
}
