import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { lockChanges } from "../../sync/change-log.ts";

/** Stored tasks per user (contract 3b); one user's data cannot grow without bound. */
export const TASK_QUOTA = 100_000;

/**
 * Refuses a create or restore that would take the user over TASK_QUOTA. Call it first in the
 * transaction, before the positions lock, so every writer takes the two locks in one order. Runs inside the creating
 * transaction after a per-user advisory lock, so concurrent creates are counted one after
 * the other and never overshoot (a plain count-then-insert would race). The one place that
 * says which tasks count: those outside the trash (contract 3b).
 */
export async function assertTaskQuota(trx: Kysely<Database>, userId: string, adding = 1): Promise<void> {
  await lockChanges(trx, userId); // first, as every writer does (ADR 0052)
  await sql`select pg_advisory_xact_lock(hashtextextended(${`task-quota:${userId}`}, 0))`.execute(trx);
  const { stored } = await trx
    .selectFrom("task")
    .select((eb) => eb.fn.countAll<string>().as("stored"))
    .where("user_id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  if (Number(stored) + adding > TASK_QUOTA) {
    throw new AppError(
      "QUOTA_EXCEEDED",
      `You have reached the limit of ${TASK_QUOTA.toLocaleString("en-US")} stored tasks. Delete some to add more.`,
    );
  }
}
