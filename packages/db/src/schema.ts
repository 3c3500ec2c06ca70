/**
 * Kysely's view of the database. The migrations are the one source: the types are
 * generated from the migrated database by `npm run db:codegen` (kysely-codegen) into
 * schema.generated.ts, and a test fails when that file is stale (ADR 0026).
 */
export type {
  DB as Database,
  Label as LabelTable,
  List as ListTable,
  Session as SessionTable,
  Task as TaskTable,
} from "./schema.generated.ts";
