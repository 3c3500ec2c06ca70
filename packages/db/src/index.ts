export { createDb, type DbHandle } from "./pool.ts";
export type { Database, TaskTable, UserTable } from "./schema.ts";
