import { isUuid, type List, type ListMove } from "@todo/contract";
import type { Database } from "@todo/db";
import { generateKeyBetween } from "fractional-indexing";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { getList } from "./get-list.ts";
import { lastListPosition, listNotFound, lockListPositions, writeList } from "./list-store.ts";

type Db = Kysely<Database>;
const notAList = (field: string) =>
  new AppError("VALIDATION", `The request body is invalid: ${field} is not one of your lists.`, {
    errors: [{ field, message: "is not one of your lists" }],
  });

async function place(db: Db, userId: string, id: string, field: string, self: string) {
  if (!isUuid(id) || id === self) throw notAList(field);
  const row = await db
    .selectFrom("list")
    .select(["position", "id"])
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notAList(field);
  return row;
}

async function adjacent(
  db: Db,
  userId: string,
  at: { position: string; id: string },
  side: "prev" | "next",
  self: string,
) {
  const dir = side === "prev" ? "desc" : "asc";
  const row = await db
    .selectFrom("list")
    .select("position")
    .where("user_id", "=", userId)
    .where("id", "<>", self)
    .where(sql<boolean>`("position", "id") ${sql.raw(side === "prev" ? "<" : ">")} (${at.position}, ${at.id}::uuid)`)
    .orderBy("position", dir)
    .orderBy("id", dir)
    .limit(1)
    .executeTakeFirst();
  return row?.position ?? null;
}

/** `POST .../lists/{id}/move`: directly before or after another list, else last. */
export async function moveList(
  db: Db,
  { userId, id, input }: { userId: string; id: string; input: ListMove },
): Promise<List> {
  if (!isUuid(id)) throw listNotFound();
  await db.transaction().execute(async (trx) => {
    await lockListPositions(trx, userId);
    const before = input.before ? await place(trx, userId, input.before, "before", id) : undefined;
    const after = input.after ? await place(trx, userId, input.after, "after", id) : undefined;
    let position: string;
    if (before && after) {
      if (after.position >= before.position) throw notAList("before");
      position = generateKeyBetween(after.position, before.position);
    } else if (before) position = generateKeyBetween(await adjacent(trx, userId, before, "prev", id), before.position);
    else if (after) position = generateKeyBetween(after.position, await adjacent(trx, userId, after, "next", id));
    else position = generateKeyBetween(await lastListPosition(trx, userId), null);
    await writeList(trx, { userId, id }, { position });
  });
  return getList(db, { userId, id });
}
