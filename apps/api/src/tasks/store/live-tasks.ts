import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { taskNotFound } from "./task-id.ts";

/** The user's tasks outside the trash: where every read of a live task starts. */
export const liveTasks = (db: Kysely<Database>, userId: string) =>
  db.selectFrom("task").where("task.user_id", "=", userId).where("task.deleted_at", "is", null);

/** The list a live task of the user is in (null = Inbox); 404 when there is no such task. */
export async function currentListId(db: Kysely<Database>, userId: string, id: string): Promise<string | null> {
  const row = await liveTasks(db, userId).select("list_id").where("id", "=", id).executeTakeFirst();
  if (!row) throw taskNotFound();
  return row.list_id;
}
