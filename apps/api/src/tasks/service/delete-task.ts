import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { writeTasks } from "../store/task-write.ts";

/** Deleting puts the task in the trash (contract 6.5); it is purged after 30 days. */
export async function deleteTask(
  db: Kysely<Database>,
  { id, userId, versions }: { id: string; userId: string; versions?: number[] },
): Promise<void> {
  assertTaskId(id);
  const scope = { userId, ids: [id], versions: versions && new Map([[id, versions]]) };
  const changed = await writeTasks(db, scope, { deleted_at: "now" });
  if (changed.length === 0) throw taskNotFound();
}
