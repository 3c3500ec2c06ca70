import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { onOneInstance } from "../../lib/periodic-job.ts";

/** The trash keeps a task this long (contract 6.5). */
export const TRASH_DAYS = 30;
// Any constant works; it only has to be the same for every API instance.
const PURGE_LOCK_KEY = 727_009;

/**
 * Deletes every task trashed more than 30 days ago, for all users. A transaction-scoped
 * advisory try-lock makes one instance do it while the others skip this round.
 * Returns how many rows went, or null when another instance held the lock.
 */
export function purgeTrash(db: Kysely<Database>): Promise<number | null> {
  return onOneInstance(db, PURGE_LOCK_KEY, async (trx) => {
    const result = await trx
      .deleteFrom("task")
      .where("deleted_at", "is not", null)
      .where("deleted_at", "<", sql<Date>`now() - make_interval(days => ${TRASH_DAYS})`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
