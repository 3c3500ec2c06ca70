import { isUuid } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { recordChanges } from "../../sync/change-log.ts";
import { liveTasks } from "../../tasks/store/live-tasks.ts";
import { moveToEnd } from "../../tasks/store/move-to-end.ts";
import { checkListVersion, listNotFound } from "./list-store.ts";

/**
 * Its live tasks move to the end of the Inbox (each a new version, so other devices see
 * the move); trashed ones follow through the foreign key's `set null`. None is lost.
 */
export async function deleteList(
  db: Kysely<Database>,
  { userId, id, versions }: { userId: string; id: string; versions?: number[] },
): Promise<void> {
  if (!isUuid(id)) throw listNotFound();
  await db.transaction().execute(async (trx) => {
    await checkListVersion(trx, { userId, id }, versions);
    const tasks = await liveTasks(trx, userId).select("id").where("list_id", "=", id).execute();
    await moveToEnd(trx, { userId, ids: tasks.map((t) => t.id), listId: null });
    const gone = await trx.deleteFrom("list").where("user_id", "=", userId).where("id", "=", id).executeTakeFirst();
    if (gone.numDeletedRows === 0n) throw listNotFound();
    await recordChanges(trx, userId, "list", [id]);
  });
}
