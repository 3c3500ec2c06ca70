import { isUuid, type Task, type TaskMove } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { endPositions, lockPositions, positionBetween } from "../store/positions.ts";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { writeTasks } from "../store/task-write.ts";
import { getTask } from "./get-task.ts";

type Trx = Kysely<Database>;
interface Place {
  position: string;
  id: string;
}

const notInList = (field: "before" | "after") =>
  new AppError("VALIDATION", `The request body is invalid: ${field} is not a task of that list.`, {
    errors: [{ field, message: "is not a task of that list" }],
  });

/** A live task of the user in `listId`, other than the one moving; else 422 on that field. */
async function neighbour(
  trx: Trx,
  userId: string,
  listId: string | null,
  id: string,
  field: "before" | "after",
  self: string,
) {
  if (!isUuid(id) || id === self) throw notInList(field);
  const row = await trx
    .selectFrom("task")
    .select(["position", "id"])
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .where("list_id", listId === null ? "is" : "=", listId)
    .executeTakeFirst();
  if (!row) throw notInList(field);
  return row;
}

/** The task next to `place` in manual order (the moving task left out), on the given side. */
async function adjacent(
  trx: Trx,
  userId: string,
  listId: string | null,
  place: Place,
  side: "prev" | "next",
  self: string,
) {
  const cmp = side === "prev" ? sql`<` : sql`>`;
  const dir = side === "prev" ? "desc" : "asc";
  const row = await trx
    .selectFrom("task")
    .select("position")
    .where("user_id", "=", userId)
    .where("list_id", listId === null ? "is" : "=", listId)
    .where("deleted_at", "is", null)
    .where("id", "<>", self)
    .where(sql<boolean>`("position", "id") ${cmp} (${place.position}, ${place.id}::uuid)`)
    .orderBy("position", dir)
    .orderBy("id", dir)
    .limit(1)
    .executeTakeFirst();
  return row?.position ?? null;
}

/** `POST .../tasks/{id}/move`: directly before or after a neighbour of the (new) list, else at its end. */
export async function moveTask(
  db: Kysely<Database>,
  { id, userId, input }: { id: string; userId: string; input: TaskMove },
): Promise<Task> {
  assertTaskId(id);
  await db.transaction().execute(async (trx) => {
    await lockPositions(trx, userId);
    const current = await trx
      .selectFrom("task")
      .select("list_id")
      .where("id", "=", id)
      .where("user_id", "=", userId)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (!current) throw taskNotFound();
    const listId = input.list_id !== undefined ? input.list_id : current.list_id;
    const before = input.before ? await neighbour(trx, userId, listId, input.before, "before", id) : undefined;
    const after = input.after ? await neighbour(trx, userId, listId, input.after, "after", id) : undefined;
    let position: string;
    if (before && after) {
      if (after.position >= before.position) throw notInList("before");
      position = positionBetween(after.position, before.position);
    } else if (before) {
      position = positionBetween(await adjacent(trx, userId, listId, before, "prev", id), before.position);
    } else if (after) {
      position = positionBetween(after.position, await adjacent(trx, userId, listId, after, "next", id));
    } else {
      [position] = (await endPositions(trx, { userId, listId })) as [string];
    }
    await writeTasks(trx, { userId, ids: [id] }, { list_id: listId, position });
  });
  return getTask(db, { id, userId });
}
