import { randomUUID } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createDb, type DbHandle } from "@todo/db";
import type { Redis } from "ioredis";
import { inject } from "vitest";
import { createApp } from "../../../apps/api/src/create-app.ts";
import { type Env, parseEnv } from "../../../apps/api/src/env.ts";
import type { AppEnv } from "../../../apps/api/src/lib/context.ts";
import { createLogger } from "../../../apps/api/src/lib/logger.ts";
import { mintToken, sessionIdFor, TEST_ISSUER, TEST_SECRET } from "./tokens.ts";

/** The web origin the test env allows for CORS. */
export const WEB_ORIGIN = "http://web.example.test:3000";

export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return parseEnv({
    NODE_ENV: "test",
    DATABASE_URL: inject("databaseUrl"),
    BETTER_AUTH_SECRET: TEST_SECRET,
    BETTER_AUTH_URL: TEST_ISSUER,
    WEB_ORIGIN,
    LOG_LEVEL: "debug",
    // Off unless a test is about it: suites that send many requests as one user test other rules.
    API_RATE_LIMIT: "0",
    ...overrides,
  });
}

export interface TestUser {
  id: string;
  email: string;
}

/** A user with a valid bearer token: what almost every API test starts from. */
export interface SignedInUser extends TestUser {
  token: string;
}

export interface Harness {
  app: OpenAPIHono<AppEnv>;
  /** The real pool the app uses, for reading and seeding rows directly. */
  database: DbHandle;
  env: Env;
  /** Every log line the app wrote, as written (JSON strings). */
  logs: string[];
  createUser: () => Promise<TestUser>;
  signIn: () => Promise<SignedInUser>;
  countTasks: (userId: string) => Promise<number>;
  close: () => Promise<void>;
}

/**
 * The real app (real routes, middleware, SQL) against the run's scratch PostgreSQL,
 * with a logger whose lines are captured instead of printed.
 */
export function createHarness(
  options: {
    env?: Record<string, string | undefined>;
    databaseUrl?: string;
    redis?: Redis;
    /** The app's clock (recurrence and quick add read "today" from it). */
    now?: () => Date;
  } = {},
): Harness {
  const env = testEnv(options.env);
  const database = createDb(options.databaseUrl ?? env.DATABASE_URL, { max: 4 });
  const logs: string[] = [];
  const logger = createLogger(env.LOG_LEVEL, {}, (line) => logs.push(line));
  const app = createApp({ db: database.db, pool: database.pool, redis: options.redis, env, logger, now: options.now });
  return {
    app,
    database,
    env,
    logs,
    createUser: () => insertUser(database),
    signIn: async () => {
      const user = await insertUser(database);
      return { ...user, token: await mintToken(user.id) };
    },
    countTasks: async (userId) => {
      const { rows } = await database.pool.query<{ n: number }>(
        // The trash is not the user's tasks any more (and the quota counts the same way).
        `select count(*)::int as n from "task" where "user_id" = $1 and "deleted_at" is null`,
        [userId],
      );
      return rows[0]?.n ?? -1;
    },
    close: () => database.close(),
  };
}

/** Users come from Better Auth in production; the API only reads them, so a row is the honest fixture. */
export async function insertUser(database: DbHandle, id: string = randomUUID()): Promise<TestUser> {
  const email = `${id}@example.test`;
  await database.pool.query(
    `insert into "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
     values ($1, $2, $3, false, now(), now())`,
    [id, `Test ${id.slice(0, 8)}`, email],
  );
  // Tokens name a session (sid) the API checks: each user gets one live session, whose id
  // mintToken() puts in its tokens by default.
  await database.pool.query(
    `insert into "session" ("id", "token", "userId", "expiresAt", "updatedAt")
     values ($1, $2, $3, now() + interval '1 day', now())`,
    [sessionIdFor(id), `token-${randomUUID()}`, id],
  );
  return { id, email };
}

export interface TaskRow {
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  completed: boolean;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  version: number;
  position: string;
  list_id: string | null;
}

export async function taskRow(database: DbHandle, id: string): Promise<TaskRow | undefined> {
  const { rows } = await database.pool.query<TaskRow>(`select * from "task" where "id" = $1`, [id]);
  return rows[0];
}
