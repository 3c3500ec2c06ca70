import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { restoreTasks } from "../store/restore.ts";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { getTask } from "./get-task.ts";

/** `POST .../tasks/{id}/restore`: only a task in the user's trash can come back. */
export async function restoreTask(db: Kysely<Database>, { id, userId }: { id: string; userId: string }): Promise<Task> {
  assertTaskId(id);
  await db.transaction().execute(async (trx) => {
    const restored = await restoreTasks(trx, { userId, ids: [id] });
    if (restored.length === 0) throw taskNotFound();
  });
  return getTask(db, { id, userId });
}
