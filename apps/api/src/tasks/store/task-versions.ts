import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { preconditionFailed } from "../../sync/preconditions.ts";
import { loadTasks, toTaskJson, toTrashJson } from "./task-json.ts";

/** Per task id, the versions the client accepts (its If-Match). */
export type ExpectedVersions = Map<string, number[]>;

/**
 * Locks the tasks (FOR UPDATE, held to commit) and checks each one's version against what
 * the client expects: the check and the write that follows see the same row, so nobody can
 * slip a change in between (never read-then-write). A mismatch is 412 with the tasks as
 * they are now: the task itself for one id, an array for several (bulk). Ids that are not
 * the user's are left to the caller's 404.
 */
export async function checkTaskVersions(
  trx: Kysely<Database>,
  { userId, expected, trashed = false }: { userId: string; expected: ExpectedVersions; trashed?: boolean },
): Promise<void> {
  if (expected.size === 0) return;
  const rows = await trx
    .selectFrom("task")
    .select(["id", "version"])
    .where("user_id", "=", userId)
    .where("id", "in", [...expected.keys()])
    .where("deleted_at", trashed ? "is not" : "is", null)
    .forUpdate()
    .execute();
  const stale = rows.filter((r) => !expected.get(r.id)?.includes(r.version)).map((r) => r.id);
  if (stale.length === 0) return;
  const current = (await loadTasks(trx, { userId, ids: stale, trashed })).map(trashed ? toTrashJson : toTaskJson);
  throw preconditionFailed(expected.size === 1 ? current[0] : current);
}
