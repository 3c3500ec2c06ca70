import type { Task, TaskUpdate } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { getTask } from "./get-task.ts";
import { isTaskId, TASK_COLUMNS, toTaskJson } from "./task-json.ts";
import { taskNotFound } from "./task-not-found.ts";

/** PUT semantics of the contract: fields not sent stay as they were. */
export async function updateTask(
  db: Kysely<Database>,
  { id, userId, input }: { id: string; userId: string; input: TaskUpdate },
): Promise<Task> {
  if (!isTaskId(id)) throw taskNotFound();
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.completed !== undefined ? { completed: input.completed } : {}),
  };
  // Nothing to change: answer with the task as it is, without touching updated_at.
  if (Object.keys(changes).length === 0) return getTask(db, { id, userId });
  const row = await db
    .updateTable("task")
    .set({ ...changes, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .returning(TASK_COLUMNS)
    .executeTakeFirst();
  if (!row) throw taskNotFound();
  return toTaskJson(row);
}
