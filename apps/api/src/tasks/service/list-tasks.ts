import type { Task, TaskQuery } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, type SqlBool, sql } from "kysely";
import type { CursorCodec } from "../../pages/page-cursor.ts";
import { filters, resolveToday } from "../query/filters.ts";
import { SORTS } from "../query/sorts.ts";
import { selectTaskColumns, toTaskJson } from "../store/task-json.ts";

export interface TaskPage {
  tasks: Task[];
  /** Present when more rows exist. */
  nextCursor?: string;
}

/**
 * One keyset page of contract 6.4: the filters, then `(sort keys) > (cursor keys)` as one
 * row comparison over the sort's index, limit + 1 rows to know whether a next page exists.
 */
export async function listTasks(
  db: Kysely<Database>,
  { userId, query, cursors }: { userId: string; query: TaskQuery; cursors: CursorCodec },
): Promise<TaskPage> {
  const { cursor, limit, ...scope } = query;
  const spec = SORTS[query.sort];
  const needsToday = query.due === "overdue" || query.due === "today" || query.due === "upcoming";
  const today = needsToday ? await resolveToday(db, userId, query) : undefined;
  const after = cursor ? cursors.decode(cursor, { ...scope, today }) : undefined;
  if (after && after.length !== spec.keys.length) throw new Error("unreachable: signed cursor of another shape");

  let q = db
    .selectFrom("task")
    .select(selectTaskColumns)
    .select(sql<unknown[]>`json_build_array(${sql.join(spec.keys)})`.as("page_key"))
    .where((eb) => filters(eb, userId, query, today));
  if (after) {
    const values = after.map((v, i) => sql`${v}::${sql.raw(spec.casts[i] as string)}`);
    q = q.where(sql<SqlBool>`(${sql.join(spec.keys)}) ${sql.raw(spec.desc ? "<" : ">")} (${sql.join(values)})`);
  }
  for (const key of spec.keys) q = q.orderBy(key, spec.desc ? "desc" : "asc");
  const rows = await q.limit(limit + 1).execute();

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    tasks: page.map(toTaskJson),
    ...(rows.length > limit && last ? { nextCursor: cursors.encode({ ...scope, today }, last.page_key) } : {}),
  };
}
