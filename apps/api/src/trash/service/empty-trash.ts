import type { Database } from "@todo/db";
import type { Kysely } from "kysely";

/** `DELETE .../trash`: gone for good (their label links go with them). */
export async function emptyTrash(db: Kysely<Database>, { userId }: { userId: string }): Promise<void> {
  await db.deleteFrom("task").where("user_id", "=", userId).where("deleted_at", "is not", null).execute();
}
