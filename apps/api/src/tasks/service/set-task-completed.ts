import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { isTaskId, TASK_COLUMNS, toTaskJson } from "./task-json.ts";
import { taskNotFound } from "./task-not-found.ts";

/**
 * `completed: undefined` toggles; a boolean sets it (idempotent). The toggle is
 * one UPDATE (`not completed`), so two concurrent toggles never read stale state.
 */
export async function setTaskCompleted(
  db: Kysely<Database>,
  { id, userId, completed }: { id: string; userId: string; completed: boolean | undefined },
): Promise<Task> {
  if (!isTaskId(id)) throw taskNotFound();
  const row = await db
    .updateTable("task")
    .set({
      completed: completed === undefined ? sql<boolean>`not "completed"` : completed,
      // Setting the value it already has is a no-op, so repeating the call changes nothing.
      updated_at:
        completed === undefined
          ? sql<Date>`now()`
          : sql<Date>`case when "completed" = ${completed} then "updated_at" else now() end`,
    })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .returning(TASK_COLUMNS)
    .executeTakeFirst();
  if (!row) throw taskNotFound();
  return toTaskJson(row);
}
