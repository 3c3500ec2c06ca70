import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { lockChanges } from "../../sync/change-log.ts";
import { labelKey } from "../../tasks/store/task-labels.ts";
import { findLabel, touchTasks } from "./label-store.ts";

/**
 * Renames a label on every task: one UPDATE of its row. When the user already has a label
 * of the new name (another one, ignoring case), the two merge into that one.
 */
export async function renameLabel(
  db: Kysely<Database>,
  { userId, name, newName }: { userId: string; name: string; newName: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The change counter before any label row lock: the order every writer takes (ADR 0052).
    await lockChanges(trx, userId);
    const source = await findLabel(trx, userId, name);
    const target = await trx
      .selectFrom("label")
      .select("id")
      .where("user_id", "=", userId)
      .where("name_key", "=", labelKey(newName))
      .where("id", "<>", source.id)
      .executeTakeFirst();
    if (target) {
      await trx
        .insertInto("task_label")
        .columns(["task_id", "label_id", "ord"])
        .expression((eb) =>
          eb
            .selectFrom("task_label")
            .select(["task_id", eb.val(target.id).as("label_id"), "ord"])
            .where("label_id", "=", source.id),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
      await trx.deleteFrom("label").where("id", "=", source.id).execute();
    } else {
      await trx
        .updateTable("label")
        .set({ name: newName, name_key: labelKey(newName) })
        .where("id", "=", source.id)
        .execute();
    }
    await touchTasks(trx, userId, source.taskIds);
  });
}
