import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { secretProblem } from "@todo/contract";
import { z } from "zod";

const originList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .url({ message: "must be a comma-separated list of origins like http://localhost:3000" })
          .refine((o) => o !== "*", {
            message: "must name origins; '*' is not allowed",
          }),
      )
      .min(1, { message: "must name at least one origin" }),
  )
  .transform((list) => list.map((o) => new URL(o).origin));

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(8000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" }),
    // Live events (contract 9, ADR 0053): a direct (not pooled) URL for the LISTEN connection;
    // EVENTS_MODE forces listening or polling, `auto` picks by the URLs.
    DATABASE_DIRECT_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    EVENTS_MODE: z.enum(["auto", "listen", "poll"]).default("auto"),
    // Repeated queries as named prepared statements (ADR 0079); `false` for a pooler that does
    // not support them (PgBouncer before 1.21, or without max_prepared_statements).
    DATABASE_PREPARED_STATEMENTS: z.stringbool().default(true),
    BETTER_AUTH_SECRET: z.string().min(1, { message: "is required" }),
    BETTER_AUTH_URL: z.url({ message: "must be the web's public origin, e.g. http://localhost:3000" }),
    WEB_ORIGIN: originList.optional(),
    CORS_ORIGINS: originList.optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Seconds of clock skew tolerated on exp/nbf/iat between the web and the API.
    JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    // Requests per user per minute (bursts of up to 100); 0 turns the limit off (benchmarks).
    API_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(1_200),
    // Processes serving requests (node:cluster); 1 runs the server in this process alone.
    API_WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(256)
      .default(() => availableParallelism()),
    // After SIGTERM, ms of answering 503 on /ready while still serving, so a balancer that
    // polls it stops sending here before the listening socket closes (0: close at once).
    API_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    // Optional: rate-limit counters in Redis instead of PostgreSQL (shared by every instance either way).
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, { message: "must be a redis:// or rediss:// URL" })
      .optional(),
  })
  .superRefine((env, ctx) => {
    const problem = secretProblem(env.BETTER_AUTH_SECRET);
    if (env.NODE_ENV === "production" && problem) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: `${problem} in production` });
    }
  })
  .transform((env) => ({
    ...env,
    BETTER_AUTH_URL: new URL(env.BETTER_AUTH_URL).origin,
    corsOrigins: env.CORS_ORIGINS ?? env.WEB_ORIGIN ?? [new URL(env.BETTER_AUTH_URL).origin],
  }));

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates the environment once at boot; the message names every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
  throw new EnvError(`invalid API configuration (apps/api/.env or the environment):\n${lines.join("\n")}`);
}

/** Loads apps/api/.env into process.env without overriding variables already set. */
export function loadEnvFile(): void {
  const file = fileURLToPath(new URL("../.env", import.meta.url));
  if (existsSync(file)) process.loadEnvFile(file);
}
