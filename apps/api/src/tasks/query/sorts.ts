import type { TaskSort } from "@todo/contract";
import { type RawBuilder, sql } from "kysely";

/**
 * Each sort as the expressions of its index (migration 0010), in order, with one direction
 * for all of them so the keyset condition is a single row comparison the index can serve.
 * The last key is always the id: the order is total, so pages never skip or repeat.
 */
export interface SortSpec {
  keys: RawBuilder<unknown>[];
  casts: string[];
  desc: boolean;
}

const DUE_KEYS = [
  sql`coalesce("task"."due_date", 'infinity'::date)`,
  sql`("task"."due_time" is not null)`,
  sql`coalesce("task"."due_time", '00:00'::time)`,
];
const DUE_CASTS = ["date", "boolean", "time"];

export const SORTS: Record<TaskSort, SortSpec> = {
  created: { keys: [sql`"task"."created_at"`, sql`"task"."id"`], casts: ["timestamptz", "uuid"], desc: true },
  updated: { keys: [sql`"task"."updated_at"`, sql`"task"."id"`], casts: ["timestamptz", "uuid"], desc: true },
  due: {
    keys: [...DUE_KEYS, sql`"task"."priority"`, sql`"task"."id"`],
    casts: [...DUE_CASTS, "smallint", "uuid"],
    desc: false,
  },
  priority: {
    keys: [sql`"task"."priority"`, ...DUE_KEYS, sql`"task"."id"`],
    casts: ["smallint", ...DUE_CASTS, "uuid"],
    desc: false,
  },
  title: { keys: [sql`lower("task"."title")`, sql`"task"."id"`], casts: ["text", "uuid"], desc: false },
  manual: { keys: [sql`"task"."position"`, sql`"task"."id"`], casts: [`text collate "C"`, "uuid"], desc: false },
};

/** The due-date key every due filter compares, so it is a range on the due index too. */
export const DUE_KEY = DUE_KEYS[0] as RawBuilder<unknown>;
