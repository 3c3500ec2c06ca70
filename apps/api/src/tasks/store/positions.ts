import type { Database } from "@todo/db";
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import { type Kysely, sql } from "kysely";

/**
 * Manual order (contract 6.5): fractional-indexing keys, so a move writes one row and
 * never renumbers. Position writes of one user are serialised by a transaction-scoped
 * advisory lock, so two concurrent "add to the end" can never pick the same key.
 */
export async function lockPositions(trx: Kysely<Database>, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`todo:positions:${userId}`}, 0))`.execute(trx);
}

/** The key after the last live task of the list (`null` = the Inbox). */
export async function endPositions(
  trx: Kysely<Database>,
  { userId, listId, count = 1 }: { userId: string; listId: string | null; count?: number },
): Promise<string[]> {
  const last = await trx
    .selectFrom("task")
    .select("position")
    .where("user_id", "=", userId)
    .where("list_id", listId === null ? "is" : "=", listId)
    .where("deleted_at", "is", null)
    .orderBy("position", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return generateNKeysBetween(last?.position ?? null, null, count);
}

export const positionBetween = (before: string | null, after: string | null): string =>
  generateKeyBetween(before, after);
