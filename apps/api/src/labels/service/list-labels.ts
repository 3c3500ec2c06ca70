import type { Label } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";

/** Labels on at least one task outside the trash, by name ignoring case, with their open counts: one GROUP BY. */
export async function listLabels(db: Kysely<Database>, { userId }: { userId: string }): Promise<Label[]> {
  return db
    .selectFrom("label as l")
    .innerJoin("task_label as tl", "tl.label_id", "l.id")
    .innerJoin("task as t", (j) => j.onRef("t.id", "=", "tl.task_id").on("t.deleted_at", "is", null))
    .select(["l.name", sql<number>`count(*) filter (where not t."completed")::int`.as("open_count")])
    .where("l.user_id", "=", userId)
    .groupBy(["l.id", "l.name", "l.name_key"])
    .orderBy(sql`l."name_key" collate "C"`)
    .orderBy("l.name")
    .execute();
}
