import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import type { Logger } from "../lib/logger.ts";
import { startPeriodicJob } from "../lib/periodic-job.ts";
import { purgeTrash } from "./service/purge-trash.ts";

export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Purges the trash at start and then every interval. Returns a stop function. */
export function startPurgeJob(
  { db, logger }: { db: Kysely<Database>; logger: Logger },
  intervalMs: number = PURGE_INTERVAL_MS,
): () => void {
  return startPeriodicJob({
    name: "trash purged",
    logger,
    intervalMs,
    round: async () => {
      const deleted = await purgeTrash(db);
      return deleted ? { deleted } : null;
    },
  });
}
