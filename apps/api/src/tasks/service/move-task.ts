import type { Task, TaskMove } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { currentListId } from "../store/live-tasks.ts";
import { lockPositions, placeFor, siblingsOf } from "../store/positions.ts";
import { assertTaskId } from "../store/task-id.ts";
import { writeTasks } from "../store/task-write.ts";
import { getTask } from "./get-task.ts";

const notInList = (field: "before" | "after") =>
  new AppError("VALIDATION", `The request body is invalid: ${field} is not a task of that list.`, {
    errors: [{ field, message: "is not a task of that list" }],
  });

/** `POST .../tasks/{id}/move`: directly before or after a neighbour of the (new) list, else at its end. */
export async function moveTask(
  db: Kysely<Database>,
  { id, userId, input, versions }: { id: string; userId: string; input: TaskMove; versions?: number[] },
): Promise<Task> {
  assertTaskId(id);
  await db.transaction().execute(async (trx) => {
    await lockPositions(trx, userId);
    const current = await currentListId(trx, userId, id);
    const listId = input.list_id !== undefined ? input.list_id : current;
    const inList = listId === null ? sql`"list_id" is null` : sql`"list_id" = ${listId}::uuid`;
    const scope = sql`"user_id" = ${userId} and "deleted_at" is null and ${inList} and "id" <> ${id}::uuid`;
    const position = await placeFor(input, siblingsOf(trx, "task", scope, notInList));
    const target = { userId, ids: [id], versions: versions && new Map([[id, versions]]) };
    await writeTasks(trx, target, { list_id: listId, position });
  });
  return getTask(db, { id, userId });
}
