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
 * The user's tasks outside the trash, in keyset batches on (position, id) (task_manual_idx):
 * each list's manual order survives a round trip, and no batch costs more than the last.
 */
export async function* exportTasks(db: Db, snapshot: Snapshot, userId: string): AsyncGenerator<Task[]> {
  let after: { position: string; id: string } | undefined;
  for (;;) {
    let query = liveTasks(db, userId)
      .select(selectTaskColumns)
      .orderBy("task.position")
      .orderBy("task.id")
      .limit(EXPORT_BATCH);
    if (after)
      query = query.where(sql<boolean>`("task"."position", "task"."id") > (${after.position}, ${after.id}::uuid)`);
    const rows = await snapshot.rows(query);
    const last = rows.at(-1);
    if (rows.length > 0) yield rows.map(toTaskJson);
    if (!last || rows.length < EXPORT_BATCH) return;
    after = { position: last.position, id: last.id };
  }
}
