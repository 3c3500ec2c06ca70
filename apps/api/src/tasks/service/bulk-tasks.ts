import { isUuid, type TaskBulk, type TaskBulkResult } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { lockChanges } from "../../sync/change-log.ts";
import { moveToEnd } from "../store/move-to-end.ts";
import { lockPositions } from "../store/positions.ts";
import { restoreTasks } from "../store/restore.ts";
import { completeTasks } from "../store/series.ts";
import { loadTasks, toTaskJson, toTrashJson } from "../store/task-json.ts";
import { checkTaskVersions } from "../store/task-versions.ts";
import { writeTasks } from "../store/task-write.ts";

const someUnknown = () =>
  new AppError(
    "NOT_FOUND",
    "At least one of those ids is not a task of yours (or not in the right place); nothing changed.",
  );

function apply(trx: Kysely<Database>, userId: string, body: TaskBulk, now: Date): Promise<string[]> {
  const { ids } = body;
  switch (body.action) {
    case "complete":
      // Recurring tasks keep a history copy and move on (issue 10).
      return completeTasks(trx, { userId, ids, now });
    case "reopen":
      return writeTasks(trx, { userId, ids }, { completed: false });
    case "delete":
      return writeTasks(trx, { userId, ids }, { deleted_at: "now" });
    case "restore":
      return restoreTasks(trx, { userId, ids });
    case "move":
      return moveToEnd(trx, { userId, ids, listId: body.list_id });
    case "update":
      return writeTasks(trx, { userId, ids }, body.set);
  }
}

/**
 * `POST .../tasks/bulk`: all or nothing in one transaction. When any id is unknown,
 * someone else's, or (for restore) not in the trash, the transaction rolls back: 404.
 */
export async function bulkTasks(
  db: Kysely<Database>,
  { userId, body, now }: { userId: string; body: TaskBulk; now: Date },
): Promise<TaskBulkResult> {
  if (!body.ids.every(isUuid)) throw someUnknown();
  await db.transaction().execute(async (trx) => {
    if (body.if_versions) {
      // Locked and checked before any change, in this transaction: a stale one is 412 for all.
      const expected = new Map(Object.entries(body.if_versions).map(([id, v]) => [id, [v]]));
      // Lock order of every writer: position lock, change counter, then rows (ADR 0052).
      await lockPositions(trx, userId);
      await lockChanges(trx, userId);
      await checkTaskVersions(trx, { userId, expected, trashed: body.action === "restore" });
    }
    const changed = await apply(trx, userId, body, now);
    if (changed.length !== body.ids.length) throw someUnknown();
  });
  const trashed = body.action === "delete";
  const rows = await loadTasks(db, { userId, ids: body.ids, trashed });
  return { count: rows.length, tasks: rows.map(trashed ? toTrashJson : toTaskJson) };
}
