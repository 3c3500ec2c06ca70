import type { TrashItem } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, type SqlBool, sql } from "kysely";
import type { CursorCodec } from "../../pages/page-cursor.ts";
import { selectTaskColumns, toTrashJson } from "../../tasks/store/task-json.ts";

/** The trash, newest deletion first, in keyset pages over task_trash_idx. */
export async function listTrash(
  db: Kysely<Database>,
  { userId, limit, cursor, cursors }: { userId: string; limit: number; cursor?: string; cursors: CursorCodec },
): Promise<{ items: TrashItem[]; nextCursor?: string }> {
  const scope = { trash: true };
  let q = db
    .selectFrom("task")
    .select(selectTaskColumns)
    .select(sql<[string, string]>`json_build_array("task"."deleted_at", "task"."id")`.as("page_key"))
    .where("task.user_id", "=", userId)
    .where("task.deleted_at", "is not", null);
  if (cursor) {
    const [at, id] = cursors.decode(cursor, scope);
    q = q.where(sql<SqlBool>`("task"."deleted_at", "task"."id") < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await q
    .orderBy("task.deleted_at", "desc")
    .orderBy("task.id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toTrashJson),
    ...(rows.length > limit && last ? { nextCursor: cursors.encode(scope, last.page_key) } : {}),
  };
}
