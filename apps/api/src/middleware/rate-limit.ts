import { createMiddleware } from "hono/factory";
import type { Redis } from "ioredis";
import type pg from "pg";
import { type RateLimiterAbstract, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";

/** Requests a user may burst at once; the per-minute figure comes from API_RATE_LIMIT. */
export const BURST = 100;

interface Window {
  name: string;
  points: number;
  seconds: number;
  limiter: RateLimiterAbstract;
}

/**
 * Per-user request budget (contract 3b): a sustained per-minute figure and a burst window
 * that refills at the same average rate (100 per 5 s for 1,200 a minute). Counted in
 * PostgreSQL by rate-limiter-flexible (one atomic upsert per window), or in Redis when REDIS_URL
 * is set (PostgreSQL then stands in while Redis is unreachable), so every API instance shares one
 * budget; a user already over is refused from memory without a store trip.
 */
export function rateLimit({ pool, redis, perMinute }: { pool: pg.Pool; redis?: Redis; perMinute: number }) {
  if (perMinute <= 0) return createMiddleware<AppEnv>((_c, next) => next());
  const burst = Math.min(BURST, perMinute);
  const store = (keyPrefix: string, points: number, duration: number) => {
    const common = {
      keyPrefix,
      points,
      duration,
      // Once over, this instance refuses the rest of the window from memory (no store trip).
      inMemoryBlockOnConsumed: points + 1,
    };
    const postgres = new RateLimiterPostgres({
      ...common,
      storeClient: pool,
      tableName: "api_rate_limit",
      tableCreated: true,
      clearExpiredByTimeout: true,
    });
    if (!redis) return postgres;
    return new RateLimiterRedis({
      ...common,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: postgres,
    });
  };
  const burstSeconds = Math.max(1, Math.round((burst * 60) / perMinute));
  const windows: Window[] = [
    { name: "burst", points: burst, seconds: burstSeconds, limiter: store("burst", burst, burstSeconds) },
    { name: "minute", points: perMinute, seconds: 60, limiter: store("minute", perMinute, 60) },
  ];
  const policy = windows.map((w) => `"${w.name}";q=${w.points};w=${w.seconds}`).join(", ");

  return createMiddleware<AppEnv>(async (c, next) => {
    const userId = c.get("userId");
    let tightest: { window: Window; res: RateLimiterRes } | undefined;
    for (const window of windows) {
      let res: RateLimiterRes;
      try {
        res = await window.limiter.consume(userId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed: 503 via toAppError
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new AppError("TOO_MANY_REQUESTS", `Too many requests; try again in ${retryAfter} s.`, {
          headers: {
            "Retry-After": String(retryAfter),
            "RateLimit-Policy": policy,
            RateLimit: `"${window.name}";r=0;t=${retryAfter}`,
          },
        });
      }
      if (!tightest || res.remainingPoints < tightest.res.remainingPoints) tightest = { window, res };
    }
    await next();
    if (tightest) {
      c.header("RateLimit-Policy", policy);
      c.header(
        "RateLimit",
        `"${tightest.window.name}";r=${tightest.res.remainingPoints};t=${Math.ceil(tightest.res.msBeforeNext / 1000)}`,
      );
    }
  });
}
