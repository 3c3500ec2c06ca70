import type { Task, TaskUpdate } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { getTask } from "./get-task.ts";
import { updateOwnedTask } from "./update-owned-task.ts";

/** PUT semantics of the contract: fields not sent stay as they were. */
export function updateTask(
  db: Kysely<Database>,
  { id, userId, input }: { id: string; userId: string; input: TaskUpdate },
): Promise<Task> {
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.completed !== undefined ? { completed: input.completed } : {}),
  };
  // Nothing to change: answer with the task as it is, without touching updated_at.
  if (Object.keys(changes).length === 0) return getTask(db, { id, userId });
  return updateOwnedTask(db, { id, userId }, { ...changes, updated_at: sql<Date>`now()` });
}
