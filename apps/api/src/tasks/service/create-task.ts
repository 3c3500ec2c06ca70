import type { Task, TaskCreate } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { endPositions, lockPositions } from "../store/positions.ts";
import { assertTaskQuota } from "../store/task-quota.ts";
import { insertTask } from "../store/task-write.ts";
import { getTask } from "./get-task.ts";

/** A new task goes to the end of its list; a list that is not the user's fails the foreign key (422). */
export async function createTask(
  db: Kysely<Database>,
  { userId, input }: { userId: string; input: TaskCreate },
): Promise<Task> {
  const id = await db.transaction().execute(async (trx) => {
    await assertTaskQuota(trx, userId);
    await lockPositions(trx, userId);
    const [position] = await endPositions(trx, { userId, listId: input.list_id ?? null });
    return insertTask(trx, { userId, position: position as string, patch: input });
  });
  return getTask(db, { id, userId });
}
