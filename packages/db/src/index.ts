export { createDb, type DbHandle } from "./pool.ts";
export type { Database, LabelTable, ListTable, TaskTable } from "./schema.ts";
