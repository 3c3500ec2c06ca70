import type { Database } from "@todo/db";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type pg from "pg";
import type { Env } from "../env.ts";
import type { ChangeNotifier } from "../sync/notifier.ts";
import type { Logger } from "./logger.ts";

/** What the app needs from the outside world; tests build it with a real database. */
export interface Deps {
  db: Kysely<Database>;
  /** The pool under `db`, for libraries that take a pg client (the rate limiter). */
  pool: pg.Pool;
  /** Set when REDIS_URL is: the rate limit counts there instead of in PostgreSQL. */
  redis?: Redis;
  env: Env;
  logger: Logger;
  /** The clock "today" is read from (recurrence, quick add); tests set it, production leaves it unset. */
  now?: () => Date;
  /** Wakes open event streams after a change (contract 9); createApp makes one when absent. */
  notifier?: ChangeNotifier;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** The verified token's subject; set by the auth middleware. */
    userId: string;
  };
}
