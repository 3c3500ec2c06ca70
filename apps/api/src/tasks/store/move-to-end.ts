import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { endPositions, lockPositions } from "./positions.ts";
import { writeTasks } from "./task-write.ts";

/**
 * Moves the user's tasks to the end of a list (null = Inbox), keeping their relative
 * order; returns the ids moved. `trashed` moves tasks out of the trash at the same time.
 */
export async function moveToEnd(
  trx: Kysely<Database>,
  { userId, ids, listId, restore = false }: { userId: string; ids: string[]; listId: string | null; restore?: boolean },
): Promise<string[]> {
  if (ids.length === 0) return [];
  await lockPositions(trx, userId);
  const ordered = await trx
    .selectFrom("task")
    .select("id")
    .where("user_id", "=", userId)
    .where("deleted_at", restore ? "is not" : "is", null)
    .where("id", "in", ids)
    .orderBy("position")
    .orderBy("id")
    .execute();
  const keys = await endPositions(trx, { userId, listId, count: ordered.length || 1 });
  const positions = new Map(ordered.map((r, i) => [r.id, keys[i] as string]));
  return writeTasks(
    trx,
    { userId, ids, trashed: restore },
    { list_id: listId, positions, ...(restore ? { deleted_at: null } : {}) },
  );
}
