import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Selectable } from "kysely";

type TaskRow = Selectable<Database["task"]>;

/** Columns every query returns: the wire shape is built from exactly these. */
export const TASK_COLUMNS = ["id", "user_id", "title", "description", "completed", "created_at", "updated_at"] as const;

export function toTaskJson(row: TaskRow): Task {
  return {
    id: row.id,
    user_id: row.user_id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

// A syntactically invalid id cannot name any task: answer 404 without asking PostgreSQL
// (which would otherwise raise on the uuid cast).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isTaskId = (id: string) => UUID.test(id);
