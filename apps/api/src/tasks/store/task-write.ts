import { normaliseSearchText } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql, type UpdateObject } from "kysely";
import { lockChanges, recordChanges } from "../../sync/change-log.ts";
import { addLabels, removeLabels, replaceLabels } from "./task-labels.ts";
import { checkTaskVersions, type ExpectedVersions } from "./task-versions.ts";

/**
 * What a write may change. Every task write of the API goes through `writeTasks` (or
 * `insertTask`), the one place that bumps `version`, stamps `updated_at`, keeps
 * `completed_at` and the search words in step, applies label changes, checks If-Match
 * preconditions (`versions`) and records the change feed in the same transaction.
 */
export interface TaskPatch {
  title?: string;
  description?: string | null;
  completed?: boolean | "toggle";
  list_id?: string | null;
  due_date?: string | null;
  due_time?: string | null;
  priority?: number;
  recurrence?: string | null;
  // --- recurring tasks (issue 10, store/series.ts): server-owned, never from a request body.
  /** Occurrences a series has used up (for COUNT). */
  recurrence_done?: number;
  /** On a history copy: the series it came from. */
  recurring_task_id?: string;
  // --- end recurring tasks
  position?: string;
  /** "now" puts tasks in the trash, null takes them out. */
  deleted_at?: "now" | null;
  labels?: string[];
  labels_add?: string[];
  labels_remove?: string[];
  /** Per-task positions (moving many to the end of a list keeps their relative order). */
  positions?: Map<string, string>;
}

/** The words search matches against: computed by the API so accents and case fold the same in every locale. */
export const searchVector = (title: string, description: string | null) =>
  sql<string>`to_tsvector('simple', ${normaliseSearchText(`${title} ${description ?? ""}`)})`;

function toColumns(patch: TaskPatch): UpdateObject<Database, "task"> {
  const { labels, labels_add, labels_remove, completed, deleted_at, positions, ...plain } = patch;
  const set: UpdateObject<Database, "task"> = { ...plain };
  // Clearing the day clears the time (contract 6.1).
  if (patch.due_date === null) set.due_time = null;
  if (completed === "toggle") {
    set.completed = sql<boolean>`not "completed"`;
    set.completed_at = sql<Date | null>`case when "completed" then null else now() end`;
  } else if (completed !== undefined) {
    set.completed = completed;
    set.completed_at = completed ? sql<Date>`coalesce("completed_at", now())` : null;
  }
  if (deleted_at !== undefined) set.deleted_at = deleted_at === "now" ? sql<Date>`now()` : null;
  return set;
}

export interface TaskScope {
  userId: string;
  ids: string[];
  trashed?: boolean;
  /** If-Match: per id, the versions the client accepts; any other is 412 and nothing changes. */
  versions?: ExpectedVersions;
}

/** A new rule starts counting COUNT afresh; sending the stored rule again keeps the count. */
function recurrenceReset(patch: TaskPatch): UpdateObject<Database, "task"> {
  if (patch.recurrence === undefined || patch.recurrence_done !== undefined) return {};
  return {
    recurrence_done: sql<number>`case when "recurrence" is not distinct from ${patch.recurrence}::text then "recurrence_done" else 0 end`,
  };
}

/**
 * Applies `patch` to the user's tasks `ids` (live ones, or trashed ones with `trashed`)
 * and returns the ids it changed; callers decide what a shortfall means (404).
 * Outside a transaction it opens one: the write and its change-log rows commit together.
 */
export async function writeTasks(db: Kysely<Database>, scope: TaskScope, patch: TaskPatch): Promise<string[]> {
  const { userId, ids, trashed = false, versions } = scope;
  if (ids.length === 0) return [];
  if (!db.isTransaction) return db.transaction().execute((trx) => writeTasks(trx, scope, patch));
  const trx = db;
  await lockChanges(trx, userId);
  if (versions) await checkTaskVersions(trx, { userId, expected: versions, trashed });
  const rows = await trx
    .updateTable("task")
    .set({
      ...toColumns(patch),
      ...recurrenceReset(patch),
      version: sql<number>`"version" + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("user_id", "=", userId)
    .where("id", "in", ids)
    .where("deleted_at", trashed ? "is not" : "is", null)
    .returning(["id", "title", "description"])
    .execute();
  const changed = rows.map((r) => r.id);
  if (changed.length === 0) return changed;
  if (patch.title !== undefined || patch.description !== undefined) {
    for (const r of rows) {
      await trx
        .updateTable("task")
        .set({ search: searchVector(r.title, r.description) })
        .where("id", "=", r.id)
        .execute();
    }
  }
  if (patch.positions?.size) {
    await sql`update "task" t set "position" = v.p from unnest(${[...patch.positions.keys()]}::uuid[],
      ${[...patch.positions.values()]}::text[]) as v(id, p) where t."id" = v.id and t."user_id" = ${userId}`.execute(
      trx,
    );
  }
  if (patch.labels !== undefined) await replaceLabels(trx, userId, changed, patch.labels);
  if (patch.labels_add?.length) await addLabels(trx, userId, changed, patch.labels_add);
  if (patch.labels_remove?.length) await removeLabels(trx, userId, changed, patch.labels_remove);
  await recordChanges(trx, userId, "task", changed);
  return changed;
}

/** Every task is created here: version 1, search words, labels. */
export async function insertTask(
  trx: Kysely<Database>,
  { userId, position, patch }: { userId: string; position: string; patch: TaskPatch & { title: string } },
): Promise<string> {
  const { labels, labels_add: _a, labels_remove: _r, positions: _p, ...rest } = patch;
  const columns = toColumns(rest);
  await lockChanges(trx, userId);
  const row = await trx
    .insertInto("task")
    .values({
      ...(columns as object),
      title: patch.title,
      user_id: userId,
      position,
      search: searchVector(patch.title, patch.description ?? null),
      ...(patch.completed === true ? { completed: true, completed_at: sql<Date>`now()` } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (labels?.length) await replaceLabels(trx, userId, [row.id], labels);
  await recordChanges(trx, userId, "task", [row.id]);
  return row.id;
}
