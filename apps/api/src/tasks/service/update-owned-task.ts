import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely, UpdateObject } from "kysely";
import { isTaskId, TASK_COLUMNS, toTaskJson } from "./task-json.ts";
import { taskNotFound } from "./task-not-found.ts";

/**
 * The one UPDATE every change goes through: scoped by owner inside the statement,
 * so a task that is missing or someone else's is the same 404.
 */
export async function updateOwnedTask(
  db: Kysely<Database>,
  { id, userId }: { id: string; userId: string },
  changes: UpdateObject<Database, "task">,
): Promise<Task> {
  if (!isTaskId(id)) throw taskNotFound();
  const row = await db
    .updateTable("task")
    .set(changes)
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .returning(TASK_COLUMNS)
    .executeTakeFirst();
  if (!row) throw taskNotFound();
  return toTaskJson(row);
}
