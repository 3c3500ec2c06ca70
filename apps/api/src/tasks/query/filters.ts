import { isTimeZone, searchWords, type TaskQuery, todayIn } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { labelKey } from "../store/task-labels.ts";
import { DUE_KEY } from "./sorts.ts";

type Eb = ExpressionBuilder<Database, "task">;

/** `tz`, else the user's saved zone (section 10), else UTC. Read only when a day-relative filter needs it. */
export async function resolveToday(db: Kysely<Database>, userId: string, query: TaskQuery): Promise<string> {
  if (query.tz) return todayIn(query.tz);
  const user = await db.selectFrom("user").select("timeZone").where("id", "=", userId).executeTakeFirst();
  const saved = user?.timeZone;
  return todayIn(saved && isTimeZone(saved) ? saved : "UTC");
}

/** Every word in title or description, the last one as a prefix (search as you type). */
export function searchQuery(q: string): string | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  // Words are letters and digits only (normalised), so quoting them cannot break the syntax.
  return words.map((w, i) => `'${w}'${i === words.length - 1 ? ":*" : ""}`).join(" & ");
}

/** The filters of contract 6.4 as one AND, always owner-scoped and outside the trash. */
export function filters(eb: Eb, userId: string, query: TaskQuery, today: string | undefined): Expression<SqlBool> {
  const and: Expression<SqlBool>[] = [eb("task.user_id", "=", userId), eb("task.deleted_at", "is", null)];
  if (query.status !== "all") and.push(eb("task.completed", "=", query.status === "completed"));
  if (query.list_id === "inbox") and.push(eb("task.list_id", "is", null));
  else if (query.list_id) and.push(eb("task.list_id", "=", query.list_id));
  if (query.priority) and.push(eb("task.priority", "=", query.priority));
  if (query.label) {
    and.push(sql<SqlBool>`exists (select 1 from "task_label" tl join "label" l on l."id" = tl."label_id"
      where tl."task_id" = "task"."id" and l."user_id" = ${userId} and l."name_key" = ${labelKey(query.label)})`);
  }
  const infinity = sql`'infinity'::date`;
  switch (query.due) {
    case "overdue":
      and.push(sql<SqlBool>`${DUE_KEY} < ${today}::date`, eb("task.completed", "=", false));
      break;
    case "today":
      and.push(sql<SqlBool>`${DUE_KEY} = ${today}::date`);
      break;
    case "upcoming":
      and.push(sql<SqlBool>`${DUE_KEY} > ${today}::date`, sql<SqlBool>`${DUE_KEY} < ${infinity}`);
      break;
    case "none":
      and.push(sql<SqlBool>`${DUE_KEY} = ${infinity}`);
      break;
    case "scheduled":
      and.push(sql<SqlBool>`${DUE_KEY} < ${infinity}`);
      break;
  }
  if (query.due_from)
    and.push(sql<SqlBool>`${DUE_KEY} >= ${query.due_from}::date`, sql<SqlBool>`${DUE_KEY} < ${infinity}`);
  if (query.due_to) and.push(sql<SqlBool>`${DUE_KEY} <= ${query.due_to}::date`);
  const tsquery = query.q ? searchQuery(query.q) : undefined;
  if (tsquery) and.push(sql<SqlBool>`"task"."search" @@ to_tsquery('simple', ${tsquery})`);
  return eb.and(and);
}
