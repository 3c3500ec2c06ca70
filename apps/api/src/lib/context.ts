import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import type pg from "pg";
import type { Env } from "../env.ts";
import type { Logger } from "./logger.ts";

/** What the app needs from the outside world; tests build it with a real database. */
export interface Deps {
  db: Kysely<Database>;
  /** The pool under `db`, for libraries that take a pg client (the rate limiter). */
  pool: pg.Pool;
  env: Env;
  logger: Logger;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** The verified token's subject; set by the auth middleware. */
    userId: string;
  };
}
