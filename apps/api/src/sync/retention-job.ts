import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import type { Logger } from "../lib/logger.ts";
import { onOneInstance, startPeriodicJob } from "../lib/periodic-job.ts";
import { FEED_RETENTION_DAYS } from "./feed.ts";
import { expireKeys } from "./idempotency-store.ts";

export const SYNC_JOB_INTERVAL_MS = 10 * 60 * 1000;
// Any constant works; the same for every API instance (the trash purge uses 727009).
const SYNC_JOB_LOCK_KEY = 727_011;

/**
 * Deletes change-log rows older than 30 days and remembers, per user, the highest seq
 * deleted (a cursor below it is 410), in one statement so nothing is deleted unrecorded.
 */
export async function pruneChangeLog(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with gone as (
      delete from "change_log" where "created_at" < now() - make_interval(days => ${FEED_RETENTION_DAYS})
      returning "user_id", "seq"),
    marks as (
      update "user_change_seq" u set "pruned_through" = greatest(u."pruned_through", m."top")
      from (select "user_id", max("seq") as "top" from gone group by "user_id") m
      where u."user_id" = m."user_id")
    select count(*)::int as "n" from gone`.execute(db);
  return rows[0]?.n ?? 0;
}

/** One round of sync housekeeping, on one instance at a time: expired idempotency keys, old feed rows. */
export const syncHousekeeping = (db: Kysely<Database>) =>
  onOneInstance(db, SYNC_JOB_LOCK_KEY, async (trx) => ({
    idempotency_keys: await expireKeys(trx),
    change_log_rows: await pruneChangeLog(trx),
  }));

export function startSyncJob(
  { db, logger }: { db: Kysely<Database>; logger: Logger },
  intervalMs: number = SYNC_JOB_INTERVAL_MS,
): () => void {
  return startPeriodicJob({
    name: "sync housekeeping",
    logger,
    intervalMs,
    round: async () => {
      const done = await syncHousekeeping(db);
      return done && (done.idempotency_keys > 0 || done.change_log_rows > 0) ? done : null;
    },
  });
}
