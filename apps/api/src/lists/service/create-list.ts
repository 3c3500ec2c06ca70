import type { List, ListCreate } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { lockChanges, recordChanges } from "../../sync/change-log.ts";
import { placeFor, siblingsOf } from "../../tasks/store/positions.ts";
import { getList } from "./get-list.ts";
import { listNotFound, lockListPositions, nameKey } from "./list-store.ts";

/** A new list goes last; a name clash (ignoring case) fails the unique index: 409. */
export async function createList(
  db: Kysely<Database>,
  { userId, input }: { userId: string; input: ListCreate },
): Promise<List> {
  const id = await db.transaction().execute(async (trx) => {
    await lockListPositions(trx, userId);
    await lockChanges(trx, userId);
    const position = await placeFor({}, siblingsOf(trx, "list", sql`"user_id" = ${userId}`, listNotFound));
    const row = await trx
      .insertInto("list")
      .values({
        user_id: userId,
        name: input.name,
        name_key: nameKey(input.name),
        color: input.color ?? null,
        position,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordChanges(trx, userId, "list", [row.id]);
    return row.id;
  });
  return getList(db, { userId, id });
}
