import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { assertTaskId, taskNotFound } from "../store/task-id.ts";
import { loadTasks, toTaskJson } from "../store/task-json.ts";

/** One live task of the user; trashed, missing and foreign are the same 404. */
export async function getTask(db: Kysely<Database>, { id, userId }: { id: string; userId: string }): Promise<Task> {
  assertTaskId(id);
  const [row] = await loadTasks(db, { userId, ids: [id] });
  if (!row) throw taskNotFound();
  return toTaskJson(row);
}
