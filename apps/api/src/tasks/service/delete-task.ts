import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { isTaskId } from "./task-json.ts";
import { taskNotFound } from "./task-not-found.ts";

export async function deleteTask(db: Kysely<Database>, { id, userId }: { id: string; userId: string }): Promise<void> {
  if (!isTaskId(id)) throw taskNotFound();
  const result = await db.deleteFrom("task").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw taskNotFound();
}
