import { isUuid, type List, type ListMove } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { placeFor, siblingsOf } from "../../tasks/store/positions.ts";
import { getList } from "./get-list.ts";
import { listNotFound, lockListPositions, writeList } from "./list-store.ts";

const notAList = (field: "before" | "after") =>
  new AppError("VALIDATION", `The request body is invalid: ${field} is not one of your lists.`, {
    errors: [{ field, message: "is not one of your lists" }],
  });

/** `POST .../lists/{id}/move`: directly before or after another list, else last. */
export async function moveList(
  db: Kysely<Database>,
  { userId, id, input, versions }: { userId: string; id: string; input: ListMove; versions?: number[] },
): Promise<List> {
  if (!isUuid(id)) throw listNotFound();
  await db.transaction().execute(async (trx) => {
    await lockListPositions(trx, userId);
    const scope = sql`"user_id" = ${userId} and "id" <> ${id}::uuid`;
    const position = await placeFor(input, siblingsOf(trx, "list", scope, notAList));
    await writeList(trx, { userId, id, versions }, { position });
  });
  return getList(db, { userId, id });
}
