import type { List, ListCreate } from "@todo/contract";
import type { Database } from "@todo/db";
import { generateKeyBetween } from "fractional-indexing";
import type { Kysely } from "kysely";
import { getList } from "./get-list.ts";
import { lastListPosition, lockListPositions, nameKey } from "./list-store.ts";

/** A new list goes last; a name clash (ignoring case) fails the unique index: 409. */
export async function createList(
  db: Kysely<Database>,
  { userId, input }: { userId: string; input: ListCreate },
): Promise<List> {
  const id = await db.transaction().execute(async (trx) => {
    await lockListPositions(trx, userId);
    const position = generateKeyBetween(await lastListPosition(trx, userId), null);
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
    return row.id;
  });
  return getList(db, { userId, id });
}
