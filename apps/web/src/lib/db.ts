import "server-only";
import pg from "pg";
import { getServerEnv } from "../env";

// One pool per server process. Kept on globalThis so `next dev` reloads do not
// open a new pool (and leak connections) on every edit.
const key = Symbol.for("todo.web.pool");
type Holder = { [key]?: pg.Pool };

const lost = (error: Error) => console.warn("[web] database connection lost:", error.message);

export function getPool(): pg.Pool {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const pool = new pg.Pool({
      connectionString: getServerEnv().databaseUrl,
      max: 10,
      // An unreachable database should fail a request quickly (503), not hang it.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
    });
    // A dropped connection (database restart) must not crash the server: pg-pool
    // listens only while a client is idle, and a checked-out client's unheard
    // 'error' event would kill the process. Every client gets a listener for life.
    pool.on("connect", (client) => client.on("error", lost));
    pool.on("error", lost);
    holder[key] = pool;
  }
  return holder[key];
}
