import type { List } from "@todo/contract";
import type { Database } from "@todo/db";
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { lockChanges, recordChanges } from "../../sync/change-log.ts";
import { preconditionFailed } from "../../sync/preconditions.ts";

type Db = Kysely<Database>;

export const listNotFound = () => new AppError("NOT_FOUND", "There is no list with that id among yours.");
export const nameKey = (name: string) => name.toLowerCase();

/** open_count: the list's live tasks not completed, counted on task_list_idx. */
const openCount = (eb: ExpressionBuilder<Database, "list">) =>
  sql<number>`(select count(*)::int from "task" t where t."user_id" = ${eb.ref("list.user_id")}
    and t."list_id" = ${eb.ref("list.id")} and t."deleted_at" is null and not t."completed")`.as("open_count");

const COLUMNS = ["id", "name", "color", "position", "version", "created_at", "updated_at"] as const;
type ListRow = Pick<Selectable<Database["list"]>, (typeof COLUMNS)[number]> & { open_count: number };

const toListJson = (r: ListRow): List => ({
  id: r.id,
  name: r.name,
  color: r.color,
  position: r.position,
  open_count: r.open_count,
  version: r.version,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

/** The user's lists (all, or the given ids) in manual order. */
export async function readLists(db: Db, { userId, ids }: { userId: string; ids?: string[] }): Promise<List[]> {
  let q = db.selectFrom("list").select(COLUMNS).select(openCount).where("user_id", "=", userId);
  if (ids) q = q.where("id", "in", ids);
  const rows = await q.orderBy("position").orderBy("id").execute();
  return rows.map(toListJson);
}

export interface ListPatch {
  name?: string;
  color?: string | null;
  position?: string;
}

/**
 * If-Match on a list: locks its row (to commit) and compares the version; 412 with the
 * list as it is now when it differs, 404 when it is not the user's.
 */
export async function checkListVersion(trx: Db, { userId, id }: { userId: string; id: string }, versions?: number[]) {
  await lockChanges(trx, userId);
  const row = await trx
    .selectFrom("list")
    .select("version")
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw listNotFound();
  if (versions !== undefined && !versions.includes(row.version)) {
    throw preconditionFailed((await readLists(trx, { userId, ids: [id] }))[0]);
  }
}

/**
 * The one place lists change: bumps `version` and `updated_at`, checks If-Match
 * (`versions`) and records the change feed, all in one transaction; 404 when not the user's.
 */
export async function writeList(
  db: Db,
  { userId, id, versions }: { userId: string; id: string; versions?: number[] },
  patch: ListPatch,
): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => writeList(trx, { userId, id, versions }, patch));
  await checkListVersion(db, { userId, id }, versions);
  const row = await db
    .updateTable("list")
    .set({
      ...patch,
      ...(patch.name !== undefined ? { name_key: nameKey(patch.name) } : {}),
      version: sql<number>`"version" + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  if (!row) throw listNotFound();
  await recordChanges(db, userId, "list", [id]);
}

export async function lockListPositions(db: Db, userId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`todo:list-positions:${userId}`}, 0))`.execute(db);
}
