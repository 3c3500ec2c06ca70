import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { writeTasks } from "../store/task-write.ts";

/** Deleting puts the task in the trash (contract 6.5); it is purged after 30 days. */
export async function deleteTask(db: Kysely<Database>, { id, userId }: { id: string; userId: string }): Promise<void> {
  assertTaskId(id);
  const changed = await writeTasks(db, { userId, ids: [id] }, { deleted_at: "now" });
  if (changed.length === 0) throw taskNotFound();
}
