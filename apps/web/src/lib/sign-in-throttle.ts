import "server-only";
import { createHash } from "node:crypto";
import { getPool } from "./db";

/** Failed sign-ins allowed per account within the window, from any address. */
export const ACCOUNT_FAILURES_ALLOWED = 10;
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;

const keyFor = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** Seconds until this account may try again, or 0 when it may try now. */
export async function accountRetryAfter(email: string): Promise<number> {
  const { rows } = await getPool().query<{ wait: number }>(
    `select ceil(extract(epoch from ("window_start" + make_interval(secs => $2)) - now()))::int as wait
       from "sign_in_throttle"
      where "key" = $1 and "failures" >= $3 and "window_start" > now() - make_interval(secs => $2)`,
    [keyFor(email), ACCOUNT_WINDOW_SECONDS, ACCOUNT_FAILURES_ALLOWED],
  );
  return Math.max(0, rows[0]?.wait ?? 0);
}

/** One more failure; a window that has run out starts again at one. Atomic under concurrency. */
export async function recordFailure(email: string): Promise<void> {
  await getPool().query(
    `insert into "sign_in_throttle" ("key", "failures", "window_start") values ($1, 1, now())
     on conflict ("key") do update set
       "failures" = case when "sign_in_throttle"."window_start" <= now() - make_interval(secs => $2)
                         then 1 else "sign_in_throttle"."failures" + 1 end,
       "window_start" = case when "sign_in_throttle"."window_start" <= now() - make_interval(secs => $2)
                             then now() else "sign_in_throttle"."window_start" end`,
    [keyFor(email), ACCOUNT_WINDOW_SECONDS],
  );
}

export async function clearFailures(email: string): Promise<void> {
  await getPool().query(`delete from "sign_in_throttle" where "key" = $1`, [keyFor(email)]);
}
