import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../../errors/app-error.ts";

/** Stored tasks per user (contract 3b); one user's data cannot grow without bound. */
export const TASK_QUOTA = 100_000;

/**
 * Refuses a create or restore that would take the user over TASK_QUOTA. Call it first in the
 * transaction: it takes the user's change-counter row lock, which every writer takes first
 * (ADR 0052), and reads the live-task count kept on that row by triggers (ADR 0078). The lock is
 * held until commit, so concurrent creates are counted one after the other and never overshoot,
 * and the count costs one row however many tasks the user has. Which tasks count (those outside
 * the trash, contract 3b) is said once, in the triggers of migration 0041.
 */
export async function assertTaskQuota(trx: Kysely<Database>, userId: string, adding = 1): Promise<void> {
  // The same statement as lockChanges, returning the count the lock now protects.
  const { rows } = await sql<{ live_tasks: number }>`insert into "user_change_seq" ("user_id") values (${userId})
    on conflict ("user_id") do update set "seq" = "user_change_seq"."seq"
    returning "live_tasks"`.execute(trx);
  const stored = rows[0]?.live_tasks ?? 0;
  if (stored + adding > TASK_QUOTA) {
    throw new AppError(
      "QUOTA_EXCEEDED",
      `You have reached the limit of ${TASK_QUOTA.toLocaleString("en-US")} stored tasks. Delete some to add more.`,
    );
  }
}
