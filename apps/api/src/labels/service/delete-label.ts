import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { findLabel, touchTasks } from "./label-store.ts";

/** Removes the label from every task (the rows of task_label go with it). */
export async function deleteLabel(db: Kysely<Database>, { userId, name }: { userId: string; name: string }) {
  await db.transaction().execute(async (trx) => {
    const label = await findLabel(trx, userId, name);
    await trx.deleteFrom("label").where("id", "=", label.id).where("user_id", "=", userId).execute();
    await touchTasks(trx, userId, label.taskIds);
  });
}
