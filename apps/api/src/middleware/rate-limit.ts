import { createMiddleware } from "hono/factory";
import type { Redis } from "ioredis";
import type pg from "pg";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";
import { type Count, postgresBudget, redisBudget, type Window } from "./rate-limit-store.ts";

/** Requests a user may burst at once; the per-minute figure comes from API_RATE_LIMIT. */
export const BURST = 100;

/**
 * Per-user request budget (contract 3b): a sustained per-minute figure and a burst window
 * that refills at the same average rate (100 per 5 s for 1,200 a minute). Both windows are
 * counted by ONE store round trip per request (ADR 0076): one PostgreSQL statement, or one Redis
 * script when REDIS_URL is set (PostgreSQL then stands in while Redis is unreachable), so every
 * API instance shares one budget. A user already over is refused from memory without a store trip.
 */
export function rateLimit({ pool, redis, perMinute }: { pool: pg.Pool; redis?: Redis; perMinute: number }) {
  if (perMinute <= 0) return createMiddleware<AppEnv>((_c, next) => next());
  // The burst window never allows less than the per-minute average (above 6,000 a minute,
  // 100 per second would silently cap the figure API_RATE_LIMIT names).
  const burst = Math.max(Math.min(BURST, perMinute), Math.ceil(perMinute / 60));
  const burstSeconds = Math.max(1, Math.round((burst * 60) / perMinute));
  const windows: readonly [Window, Window] = [
    { name: "burst", points: burst, ms: burstSeconds * 1000 },
    { name: "minute", points: perMinute, ms: 60_000 },
  ];
  const policy = windows.map((w) => `"${w.name}";q=${w.points};w=${w.ms / 1000}`).join(", ");
  const fromPostgres = postgresBudget(pool, windows);
  const fromRedis = redis ? redisBudget(redis, windows) : undefined;
  const count = async (userId: string): Promise<Count[]> => {
    // Redis down or not yet connected: PostgreSQL counts rather than waving requests through.
    if (!fromRedis || redis?.status !== "ready") return fromPostgres(userId);
    try {
      return await fromRedis(userId);
    } catch {
      return fromPostgres(userId);
    }
  };
  // Users this instance saw over budget, with the moment their tightest window reopens.
  const blocked = new Map<string, { until: number; window: Window }>();

  const refuse = (window: Window, msLeft: number) => {
    const retryAfter = Math.max(1, Math.ceil(msLeft / 1000));
    return new AppError("TOO_MANY_REQUESTS", `Too many requests; try again in ${retryAfter} s.`, {
      headers: {
        "Retry-After": String(retryAfter),
        "RateLimit-Policy": policy,
        RateLimit: `"${window.name}";r=0;t=${retryAfter}`,
      },
    });
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    const userId = c.get("userId");
    const now = Date.now();
    const block = blocked.get(userId);
    if (block) {
      if (block.until > now) throw refuse(block.window, block.until - now);
      blocked.delete(userId);
    }
    const counts = await count(userId); // a store failure propagates: 503 via toAppError
    let tightest: { window: Window; remaining: number; msLeft: number } | undefined;
    for (const [i, window] of windows.entries()) {
      const { used, msLeft } = counts[i] as Count;
      if (used > window.points) {
        // Sweep stale entries now and then so the map stays as small as the set of abusers.
        if (blocked.size > 10_000) for (const [id, b] of blocked) if (b.until <= now) blocked.delete(id);
        blocked.set(userId, { until: now + msLeft, window });
        throw refuse(window, msLeft);
      }
      const remaining = window.points - used;
      if (!tightest || remaining < tightest.remaining) tightest = { window, remaining, msLeft };
    }
    await next();
    if (tightest) {
      // On the answer's own headers, not c.header(): see request-context.ts.
      const headers = c.res.headers;
      headers.set("RateLimit-Policy", policy);
      headers.set(
        "RateLimit",
        `"${tightest.window.name}";r=${tightest.remaining};t=${Math.ceil(tightest.msLeft / 1000)}`,
      );
    }
  });
}
