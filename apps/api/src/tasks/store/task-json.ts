import type { Task, TrashItem } from "@todo/contract";
import type { Database } from "@todo/db";
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";

type TimestampColumn = "completed_at" | "created_at" | "updated_at" | "deleted_at";
type TaskRow = Omit<Selectable<Database["task"]>, "search" | "recurrence_done" | TimestampColumn> & {
  labels: string[];
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

/** The task's labels in their order, as one correlated subquery (served by task_label's primary key). */
const labelsOf = (eb: ExpressionBuilder<Database, "task">) =>
  sql<string[]>`coalesce((select array_agg(l."name" order by tl."ord") from "task_label" tl
    join "label" l on l."id" = tl."label_id" where tl."task_id" = ${eb.ref("task.id")}), '{}')`.as("labels");

/**
 * A timestamptz as the contract's text (what Date#toISOString gives: UTC, milliseconds, "Z"),
 * made by PostgreSQL: the JSON only echoes it, so parsing it into a Date to format it back
 * cost a parse and a format per column per row (5% of the list's CPU in the profile).
 * MS truncates, as Date does with microseconds.
 */
const isoText = (eb: ExpressionBuilder<Database, "task">, column: TimestampColumn) =>
  sql<string>`to_char(${eb.ref(`task.${column}`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as(column);

/** Columns every task query returns: the wire shape is built from exactly these. */
export const TASK_COLUMNS = [
  "task.id",
  "task.user_id",
  "task.title",
  "task.description",
  "task.completed",
  "task.list_id",
  "task.due_date",
  "task.due_time",
  "task.priority",
  "task.recurrence",
  "task.recurring_task_id",
  "task.position",
  "task.version",
] as const;

export const selectTaskColumns = (eb: ExpressionBuilder<Database, "task">) =>
  [
    ...TASK_COLUMNS,
    isoText(eb, "completed_at"),
    isoText(eb, "created_at"),
    isoText(eb, "updated_at"),
    isoText(eb, "deleted_at"),
    labelsOf(eb),
  ] as const;

export function toTaskJson(row: TaskRow): Task {
  return {
    id: row.id,
    user_id: row.user_id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    list_id: row.list_id,
    due_date: row.due_date,
    // time(0) reads back as HH:MM:SS; the contract speaks HH:MM.
    due_time: row.due_time === null ? null : row.due_time.slice(0, 5),
    priority: row.priority,
    labels: row.labels,
    recurrence: row.recurrence,
    recurring_task_id: row.recurring_task_id,
    position: row.position,
    completed_at: row.completed_at,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function toTrashJson(row: TaskRow): TrashItem {
  return { ...toTaskJson(row), deleted_at: row.deleted_at as string };
}

/**
 * The given tasks of the user as JSON, in the order of `ids`. `trashed` picks which side
 * of the trash to read: a trashed task is invisible to every ordinary read (contract 6.5).
 */
export async function loadTasks(
  db: Kysely<Database>,
  { userId, ids, trashed = false }: { userId: string; ids: string[]; trashed?: boolean },
): Promise<TaskRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("task")
    .select(selectTaskColumns)
    .where("task.user_id", "=", userId)
    .where("task.id", "in", ids)
    .where("task.deleted_at", trashed ? "is not" : "is", null)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
