export { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "./connection-error.ts";
export { createListenClient } from "./listen-client.ts";
export { createDb, createPool, type DbHandle, type PoolOptions } from "./pool.ts";
export { inRequestTransaction } from "./request-transaction.ts";
export type { Database, LabelTable, ListTable, SessionTable, TaskTable } from "./schema.ts";
