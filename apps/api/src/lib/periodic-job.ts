import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import type { Logger } from "./logger.ts";

/**
 * Runs `round` in the API process at start and then every interval, with nobody watching:
 * a slow round is never overlapped by the next, a failed one is logged and retried next
 * time. Returns a stop function.
 */
export function startPeriodicJob({
  name,
  logger,
  intervalMs,
  round,
}: {
  name: string;
  logger: Logger;
  intervalMs: number;
  round: () => Promise<Record<string, unknown> | null>;
}): () => void {
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    void round()
      .then((done) => {
        if (done) logger.info(name, done);
      })
      .catch((error: unknown) => logger.warn(`${name} failed; retrying next round`, { error: String(error) }))
      .finally(() => {
        busy = false;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * `work` in a transaction holding a transaction-scoped advisory try-lock: one instance does
 * it while the others skip the round (null).
 */
export function onOneInstance<T>(
  db: Kysely<Database>,
  lockKey: number,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T | null> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${lockKey}) as locked`.execute(
      trx,
    );
    return rows[0]?.locked ? work(trx) : null;
  });
}
