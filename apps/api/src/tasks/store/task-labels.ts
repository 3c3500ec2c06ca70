import { LABELS_MAX } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";

/** Case-insensitive identity of a label name; see migration 0010 for why it is computed here. */
export const labelKey = (name: string) => name.toLowerCase();

/** The user's label ids for these names, creating the missing ones with the spelling given. */
async function ensureLabels(trx: Kysely<Database>, userId: string, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  await trx
    .insertInto("label")
    .values(names.map((name) => ({ user_id: userId, name, name_key: labelKey(name) })))
    .onConflict((oc) => oc.columns(["user_id", "name_key"]).doNothing())
    .execute();
  const rows = await trx
    .selectFrom("label")
    .select(["id", "name_key"])
    .where("user_id", "=", userId)
    .where("name_key", "in", names.map(labelKey))
    .execute();
  const byKey = new Map(rows.map((r) => [r.name_key, r.id]));
  return names.map((n) => byKey.get(labelKey(n)) as string);
}

/** Sets exactly these labels, in this order, on every given task. */
export async function replaceLabels(trx: Kysely<Database>, userId: string, taskIds: string[], names: string[]) {
  const labelIds = await ensureLabels(trx, userId, names);
  await trx.deleteFrom("task_label").where("task_id", "in", taskIds).execute();
  if (labelIds.length === 0) return;
  await trx
    .insertInto("task_label")
    .values(taskIds.flatMap((taskId) => labelIds.map((labelId, ord) => ({ task_id: taskId, label_id: labelId, ord }))))
    .execute();
}

/** Appends labels a task does not carry yet, after its own; more than 20 in the end is 422. */
export async function addLabels(trx: Kysely<Database>, userId: string, taskIds: string[], names: string[]) {
  const labelIds = await ensureLabels(trx, userId, names);
  if (labelIds.length === 0) return;
  await sql`insert into "task_label" ("task_id", "label_id", "ord")
    select t.id, v.label_id,
      (select coalesce(max(x."ord"), -1) from "task_label" x where x."task_id" = t.id) + v.i
    from unnest(${taskIds}::uuid[]) as t(id)
    cross join unnest(${labelIds}::uuid[]) with ordinality as v(label_id, i)
    on conflict do nothing`.execute(trx);
  const over = await trx
    .selectFrom("task_label")
    .select("task_id")
    .where("task_id", "in", taskIds)
    .groupBy("task_id")
    .having((eb) => eb.fn.countAll(), ">", LABELS_MAX)
    .executeTakeFirst();
  if (over) {
    throw new AppError("VALIDATION", `A task would carry more than ${LABELS_MAX} labels.`, {
      errors: [{ field: "set.labels_add", message: `would give a task more than ${LABELS_MAX} labels` }],
    });
  }
}

export async function removeLabels(trx: Kysely<Database>, userId: string, taskIds: string[], names: string[]) {
  if (names.length === 0) return;
  await trx
    .deleteFrom("task_label")
    .where("task_id", "in", taskIds)
    .where("label_id", "in", (eb) =>
      eb.selectFrom("label").select("id").where("user_id", "=", userId).where("name_key", "in", names.map(labelKey)),
    )
    .execute();
}
