import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import type { Logger } from "../lib/logger.ts";
import { purgeTrash } from "./service/purge-trash.ts";

export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Runs the purge in the API process, at start and then every interval, with nobody
 * watching; a failed round is logged and retried next time. Returns a stop function.
 */
export function startPurgeJob(
  { db, logger }: { db: Kysely<Database>; logger: Logger },
  intervalMs: number = PURGE_INTERVAL_MS,
): () => void {
  // A slow round is never overlapped by the next one.
  let busy = false;
  const round = () => {
    if (busy) return;
    busy = true;
    void purgeTrash(db)
      .then((deleted) => {
        if (deleted) logger.info("trash purged", { deleted });
      })
      .catch((error: unknown) => logger.warn("trash purge failed; retrying next round", { error: String(error) }))
      .finally(() => {
        busy = false;
      });
  };
  round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
