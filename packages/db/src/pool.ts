import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { type PreparedStatementOptions, prepareRepeatedQueries } from "./prepared-statements.ts";
import { RequestTransactionDialect } from "./request-transaction.ts";
import type { Database } from "./schema.ts";

// timestamptz arrives as a JS Date (default); bigint (Better Auth's rateLimit) stays a string.
// A `date` stays its `YYYY-MM-DD` text: turning a calendar day into a Date at local midnight
// would shift it by the process's time zone. `time` is already text.
const DATE_OID = 1082;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface DbHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  close: () => Promise<void>;
}

export interface PoolOptions {
  connectionString: string;
  max?: number;
  /** Called with every connection-level error; the default ignores them (the failing query reports its own). */
  onConnectionError?: (error: Error) => void;
  /**
   * Repeated queries as named prepared statements (ADR 0079). Off unless asked for: a pool
   * behind a pooler without prepared-statement support must not use them.
   */
  preparedStatements?: boolean | PreparedStatementOptions;
}

/**
 * A pg pool that survives the database going away. A client emits 'error' when its
 * connection drops, whether it sits idle in the pool or is checked out between two
 * queries; an 'error' event without a listener kills the process. pg-pool listens only
 * while a client is idle, so every client gets its own listener for its whole life. A
 * dead client is dropped on release (pg-pool checks `_queryable`), so nothing stays
 * poisoned and the next request connects afresh once the database is back.
 */
export function createPool({
  connectionString,
  max = 10,
  onConnectionError = () => {},
  preparedStatements = false,
}: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    // Short: while the database is down requests fail fast (503) instead of queueing,
    // and a connect attempt stuck on a vanished host gives up quickly.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    types,
  });
  pool.on("connect", (client) => client.on("error", onConnectionError));
  pool.on("error", onConnectionError);
  if (preparedStatements) prepareRepeatedQueries(pool, preparedStatements === true ? {} : preparedStatements);
  return pool;
}

/** The API's database: prepared statements on unless `preparedStatements: false` (ADR 0079). */
export function createDb(connectionString: string, options: Omit<PoolOptions, "connectionString"> = {}): DbHandle {
  const pool = createPool({ connectionString, ...options, preparedStatements: options.preparedStatements ?? true });
  // Queries join the request transaction of a keyed write when one is open (ADR 0055).
  const db = new Kysely<Database>({ dialect: new RequestTransactionDialect(new PostgresDialect({ pool })) });
  return { db, pool, close: () => db.destroy() };
}
