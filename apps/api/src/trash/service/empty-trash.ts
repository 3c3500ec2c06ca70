import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { lockChanges, recordChanges } from "../../sync/change-log.ts";

/** `DELETE .../trash`: gone for good (their label links go with them); the feed says delete. */
export async function emptyTrash(db: Kysely<Database>, { userId }: { userId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockChanges(trx, userId);
    const gone = await trx
      .deleteFrom("task")
      .where("user_id", "=", userId)
      .where("deleted_at", "is not", null)
      .returning("id")
      .execute();
    await recordChanges(
      trx,
      userId,
      "task",
      gone.map((r) => r.id),
    );
  });
}
