import { isUuid } from "@todo/contract";
import type { Database } from "@todo/db";
import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";
import { type Kysely, type RawBuilder, sql } from "kysely";
import { lockChanges } from "../../sync/change-log.ts";
import { liveTasks } from "./live-tasks.ts";

/**
 * Manual order (contract 6.5): fractional-indexing keys, so a move writes one row and
 * never renumbers. Position writes of one user are serialised by the change counter's row
 * lock, held until commit, so two concurrent "add to the end" can never pick the same key.
 * (A separate advisory lock after it serialised nothing more and cost a round trip per create.)
 */
export async function lockPositions(trx: Kysely<Database>, userId: string): Promise<void> {
  // The change counter's row lock always comes first (ADR 0052): every writer of a user then
  // queues on that one lock before any other, so no two of them can wait on each other.
  await lockChanges(trx, userId);
}

/** The key after the last live task of the list (`null` = the Inbox). */
export async function endPositions(
  trx: Kysely<Database>,
  { userId, listId, count = 1 }: { userId: string; listId: string | null; count?: number },
): Promise<string[]> {
  const last = await liveTasks(trx, userId)
    .select("position")
    .where("list_id", listId === null ? "is" : "=", listId)
    .orderBy("position", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return generateNKeysBetween(last?.position ?? null, null, count);
}

export const positionBetween = (before: string | null, after: string | null): string =>
  generateKeyBetween(before, after);

export interface Place {
  position: string;
  id: string;
}

/**
 * How to find places among an item's siblings (the other tasks of a list, the user's other
 * lists): `scope` selects the siblings, the moving item already left out.
 */
export function siblingsOf(
  db: Kysely<Database>,
  table: "task" | "list",
  scope: RawBuilder<unknown>,
  notSibling: (field: "before" | "after") => Error,
) {
  const from = sql`select "position", "id" from ${sql.table(table)} where ${scope}`;
  const first = async (query: RawBuilder<Place>) => (await query.execute(db)).rows[0];
  return {
    async find(id: string, field: "before" | "after"): Promise<Place> {
      const row = isUuid(id) ? await first(sql<Place>`${from} and "id" = ${id}::uuid`) : undefined;
      if (!row) throw notSibling(field);
      return row;
    },
    async adjacent(place: Place, side: "prev" | "next"): Promise<string | null> {
      const [cmp, dir] = side === "prev" ? [sql.raw("<"), sql.raw("desc")] : [sql.raw(">"), sql.raw("asc")];
      const row = await first(sql<Place>`${from} and ("position", "id") ${cmp} (${place.position}, ${place.id}::uuid)
        order by "position" ${dir}, "id" ${dir} limit 1`);
      return row?.position ?? null;
    },
    async last(): Promise<string | null> {
      return (await first(sql<Place>`${from} order by "position" desc, "id" desc limit 1`))?.position ?? null;
    },
    outOfOrder: () => notSibling("before"),
  };
}

/**
 * Where a moved item goes: directly before `before`, directly after `after`, between both
 * when both are sent (in that order), else last among its siblings.
 */
export async function placeFor(
  input: { before?: string | undefined; after?: string | undefined },
  siblings: ReturnType<typeof siblingsOf>,
): Promise<string> {
  const before = input.before ? await siblings.find(input.before, "before") : undefined;
  const after = input.after ? await siblings.find(input.after, "after") : undefined;
  if (before && after) {
    if (after.position >= before.position) throw siblings.outOfOrder();
    return generateKeyBetween(after.position, before.position);
  }
  if (before) return generateKeyBetween(await siblings.adjacent(before, "prev"), before.position);
  if (after) return generateKeyBetween(after.position, await siblings.adjacent(after, "next"));
  return generateKeyBetween(await siblings.last(), null);
}
