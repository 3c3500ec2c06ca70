import type { List, Task } from "@todo/contract";
import { sql } from "kysely";
import { listsQuery, toListJson } from "../../lists/service/list-store.ts";
import { liveTasks } from "../../tasks/store/live-tasks.ts";
import { selectTaskColumns, toTaskJson } from "../../tasks/store/task-json.ts";
import type { Db, Snapshot } from "./snapshot.ts";

/** Rows per query: big enough to be quick, small enough that memory never depends on the account's size. */
export const EXPORT_BATCH = 1000;

export const exportLists = async (db: Db, snapshot: Snapshot, userId: string): Promise<List[]> =>
  (await snapshot.rows(listsQuery(db, { userId }))).map(toListJson);

/**
 * The user's tasks outside the trash, list by list (the Inbox first, then the lists in their
 * order), each in manual order, in keyset batches on task_list_idx: a CSV groups by list and
 * lists come back in their order on import; no batch costs more than the first.
 */
export async function* exportTasks(db: Db, snapshot: Snapshot, userId: string, lists: List[]): AsyncGenerator<Task[]> {
  for (const listId of [null, ...lists.map((l) => l.id)]) {
    let after: { position: string; id: string } | undefined;
    for (;;) {
      let query = liveTasks(db, userId)
        .select(selectTaskColumns)
        .where("task.list_id", listId === null ? "is" : "=", listId)
        .orderBy("task.position")
        .orderBy("task.id")
        .limit(EXPORT_BATCH);
      if (after) {
        query = query.where(sql<boolean>`("task"."position", "task"."id") > (${after.position}, ${after.id}::uuid)`);
      }
      const rows = await snapshot.rows(query);
      const last = rows.at(-1);
      if (rows.length > 0) yield rows.map(toTaskJson);
      if (!last || rows.length < EXPORT_BATCH) break;
      after = { position: last.position, id: last.id };
    }
  }
}
