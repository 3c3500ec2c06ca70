import pg from "pg";

/**
 * A single connection outside the pool, for LISTEN: a pooled client would go back to the
 * pool (and its LISTEN with it). The caller owns it: reconnecting is its job (the API's
 * change notifier does it every second).
 */
export function createListenClient(connectionString: string): pg.Client {
  return new pg.Client({ connectionString, connectionTimeoutMillis: 3_000, keepAlive: true });
}
