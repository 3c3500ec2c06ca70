import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { moveToEnd } from "./move-to-end.ts";
import { lockPositions } from "./positions.ts";
import { assertTaskQuota } from "./task-quota.ts";
import { writeTasks } from "./task-write.ts";

/**
 * Brings trashed tasks back exactly as they were: same list (the foreign key already
 * sent tasks of a deleted list to the Inbox), same place, unless a live task took that
 * key meanwhile, in which case the task goes to the end of its list. Returns the ids restored.
 */
export async function restoreTasks(trx: Kysely<Database>, { userId, ids }: { userId: string; ids: string[] }) {
  // Restored tasks count against the quota again (contract 3b counts what is outside the trash).
  await assertTaskQuota(trx, userId, ids.length);
  await lockPositions(trx, userId);
  const rows = await trx
    .selectFrom("task as t")
    .select(["t.id", "t.list_id"])
    .select(
      sql<boolean>`exists (select 1 from "task" o where o."user_id" = t."user_id" and o."deleted_at" is null
        and o."list_id" is not distinct from t."list_id" and o."position" = t."position")`.as("taken"),
    )
    .where("t.user_id", "=", userId)
    .where("t.id", "in", ids)
    .where("t.deleted_at", "is not", null)
    .execute();
  const keep = rows.filter((r) => !r.taken).map((r) => r.id);
  const restored = await writeTasks(trx, { userId, ids: keep, trashed: true }, { deleted_at: null });
  for (const r of rows.filter((r) => r.taken)) {
    restored.push(...(await moveToEnd(trx, { userId, ids: [r.id], listId: r.list_id, restore: true })));
  }
  return restored;
}
