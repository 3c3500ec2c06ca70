import type { Redis } from "ioredis";
import type pg from "pg";

/** One counting window of the request budget. */
export interface Window {
  name: string;
  points: number;
  ms: number;
}

/** A window's count after this request, and the time until it starts again from zero. */
export interface Count {
  used: number;
  msLeft: number;
}

/**
 * Counts a request in both windows (burst, minute) with one statement on one row per user
 * (ADR 0076): one index probe, one row lock, held only for that statement. A window whose expiry
 * has passed starts again at 1. Named, so each connection parses and plans it once.
 */
export function postgresBudget(
  pool: pg.Pool,
  [burst, minute]: readonly [Window, Window],
): (userId: string) => Promise<Count[]> {
  const text = `insert into "api_request_budget" as b
      ("user_id", "burst_points", "burst_expire", "minute_points", "minute_expire")
    values ($1, 1, $2::bigint + ${burst.ms}, 1, $2::bigint + ${minute.ms})
    on conflict ("user_id") do update set
      "burst_points" = case when b."burst_expire" <= $2 then 1 else b."burst_points" + 1 end,
      "burst_expire" = case when b."burst_expire" <= $2 then excluded."burst_expire" else b."burst_expire" end,
      "minute_points" = case when b."minute_expire" <= $2 then 1 else b."minute_points" + 1 end,
      "minute_expire" = case when b."minute_expire" <= $2 then excluded."minute_expire" else b."minute_expire" end
    returning "burst_points", "burst_expire", "minute_points", "minute_expire"`;
  const name = `request-budget-${burst.ms}-${minute.ms}`;

  return async (userId) => {
    const now = Date.now();
    const { rows } = await pool.query<{
      burst_points: number;
      burst_expire: string;
      minute_points: number;
      minute_expire: string;
    }>({ name, text, values: [userId, now] });
    const row = rows[0];
    if (!row) throw new Error("request budget: the upsert returned no row");
    return [
      { used: row.burst_points, msLeft: Math.max(0, Number(row.burst_expire) - now) },
      { used: row.minute_points, msLeft: Math.max(0, Number(row.minute_expire) - now) },
    ];
  };
}

// Per key: count, set the window's expiry on the first hit (or if it was lost), read what is left.
const SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local used = redis.call('incr', key)
  local left = redis.call('pttl', key)
  if left < 0 then
    redis.call('pexpire', key, ARGV[i])
    left = tonumber(ARGV[i])
  end
  out[2 * i - 1] = used
  out[2 * i] = left
end
return out`;

type WithCount = Redis & { rateLimitCount?: (...keysThenMs: string[]) => Promise<number[]> };

/**
 * The same count in Redis: one script, run atomically, keys as rate-limiter-flexible named them.
 * A defined command goes by EVALSHA, so the script text crosses the wire once per connection.
 */
export function redisBudget(redis: Redis, windows: readonly Window[]): (userId: string) => Promise<Count[]> {
  const client = redis as WithCount;
  if (!client.rateLimitCount) client.defineCommand("rateLimitCount", { numberOfKeys: windows.length, lua: SCRIPT });
  const durations = windows.map((w) => String(w.ms));
  return async (userId) => {
    const keys = windows.map((w) => `${w.name}:${userId}`);
    const out = await (client.rateLimitCount as NonNullable<WithCount["rateLimitCount"]>)(...keys, ...durations);
    return windows.map((_, i) => ({ used: Number(out[2 * i]), msLeft: Number(out[2 * i + 1]) }));
  };
}
