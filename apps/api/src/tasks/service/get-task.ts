import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { isTaskId, TASK_COLUMNS, toTaskJson } from "./task-json.ts";
import { taskNotFound } from "./task-not-found.ts";

export async function getTask(db: Kysely<Database>, { id, userId }: { id: string; userId: string }): Promise<Task> {
  if (!isTaskId(id)) throw taskNotFound();
  const row = await db
    .selectFrom("task")
    .select(TASK_COLUMNS)
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) throw taskNotFound();
  return toTaskJson(row);
}
