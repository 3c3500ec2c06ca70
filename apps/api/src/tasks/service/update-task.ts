import type { Task, TaskUpdate } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { assertVersion } from "../../sync/preconditions.ts";
import { currentListId } from "../store/live-tasks.ts";
import { endPositions, lockPositions } from "../store/positions.ts";
import { completeIfSeries } from "../store/series.ts";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { type TaskPatch, writeTasks } from "../store/task-write.ts";
import { getTask } from "./get-task.ts";

/** PUT semantics of the contract: fields not sent stay as they were. */
export async function updateTask(
  db: Kysely<Database>,
  {
    id,
    userId,
    input,
    now,
    versions,
  }: { id: string; userId: string; input: TaskUpdate; now: Date; versions?: number[] },
): Promise<Task> {
  assertTaskId(id);
  // Nothing to change: answer with the task as it is, without a new version.
  if (Object.keys(input).length === 0) return assertVersion(await getTask(db, { id, userId }), versions);
  // --- recurring tasks (issue 10): completing an open series writes the other fields, then rolls it.
  if (input.completed === true) {
    // If-Match is checked before the series rolls on (the plain write checks under its lock).
    if (versions) assertVersion(await getTask(db, { id, userId }), versions);
    const { completed: _, ...rest } = input;
    const before = async (trx: Kysely<Database>) => {
      if (Object.keys(rest).length > 0) await write(trx, userId, id, rest);
    };
    if (await completeIfSeries(db, { userId, id, now, before })) return getTask(db, { id, userId });
  }
  // --- end recurring tasks
  await db.transaction().execute((trx) => write(trx, userId, id, input, versions));
  return getTask(db, { id, userId });
}

async function write(
  trx: Kysely<Database>,
  userId: string,
  id: string,
  input: TaskUpdate,
  versions?: number[],
): Promise<void> {
  const patch: TaskPatch = { ...input };
  if (input.list_id !== undefined) {
    // Changing list puts the task at the end of the new one; the same list keeps its place.
    await lockPositions(trx, userId);
    if ((await currentListId(trx, userId, id)) !== input.list_id) {
      [patch.position] = await endPositions(trx, { userId, listId: input.list_id });
    }
  }
  const changed = await writeTasks(trx, { userId, ids: [id], versions: versions && new Map([[id, versions]]) }, patch);
  if (changed.length === 0) throw taskNotFound();
}
