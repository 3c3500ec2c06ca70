import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { lockChanges } from "../../sync/change-log.ts";
import { findLabel, touchTasks } from "./label-store.ts";

/** Removes the label from every task (the rows of task_label go with it). */
export async function deleteLabel(db: Kysely<Database>, { userId, name }: { userId: string; name: string }) {
  await db.transaction().execute(async (trx) => {
    // The change counter before any label row lock: the order every writer takes (ADR 0052).
    await lockChanges(trx, userId);
    const label = await findLabel(trx, userId, name);
    await trx.deleteFrom("label").where("id", "=", label.id).where("user_id", "=", userId).execute();
    await touchTasks(trx, userId, label.taskIds);
  });
}
