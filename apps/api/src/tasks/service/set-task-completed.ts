import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { assertVersion } from "../../sync/preconditions.ts";
import { completeIfSeries } from "../store/series.ts";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { writeTasks } from "../store/task-write.ts";
import { getTask } from "./get-task.ts";

/**
 * `completed: undefined` toggles; a boolean sets it (idempotent). The toggle is one
 * UPDATE (`not completed`), so two concurrent toggles never read stale state.
 */
export async function setTaskCompleted(
  db: Kysely<Database>,
  {
    id,
    userId,
    completed,
    now,
    versions,
  }: { id: string; userId: string; completed: boolean | undefined; now: Date; versions?: number[] },
): Promise<Task> {
  assertTaskId(id);
  // If-Match on a series is checked before it rolls on (the plain write below checks under its lock).
  if (versions && completed !== false) assertVersion(await getTask(db, { id, userId }), versions);
  // --- recurring tasks (issue 10): completing an open series keeps a history copy and moves it on.
  if (completed !== false && (await completeIfSeries(db, { userId, id, now }))) return getTask(db, { id, userId });
  // --- end recurring tasks
  const scope = { userId, ids: [id], versions: versions && new Map([[id, versions]]) };
  if (completed === undefined) {
    const changed = await writeTasks(db, scope, { completed: "toggle" });
    if (changed.length === 0) throw taskNotFound();
    return getTask(db, { id, userId });
  }
  // Setting the value it already has is no change: no new version, no new updated_at.
  const task = await getTask(db, { id, userId });
  if (task.completed === completed) return assertVersion(task, versions);
  await writeTasks(db, scope, { completed });
  return getTask(db, { id, userId });
}
