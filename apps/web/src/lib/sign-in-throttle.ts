import "server-only";
import { createHash } from "node:crypto";
import { getPool } from "./db";

/**
 * Per-account sign-in throttle on top of Better Auth's per-address limit (ADR 0009).
 *
 * - account+address: failures from one address against one account are free up to
 *   PAIR_FREE, then each further try waits twice as long as the last (capped).
 * - account, from an address it never signed in from: the same after ACCOUNT_FREE
 *   failures from anywhere, so rotating addresses does not multiply the guesses.
 * - an address the account signed in from before skips the account-wide backoff: an
 *   attacker failing on purpose elsewhere cannot keep the owner out of their own place.
 * Backoff, not a lock: the wait stops growing at MAX_WAIT_SECONDS and ends by itself.
 */
export const PAIR_FREE = 5;
export const ACCOUNT_FREE = 10;
export const MAX_WAIT_SECONDS = 15 * 60;
/** A known address is remembered this long after its last successful sign-in. */
const KNOWN_FOR = "90 days";

const hash = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");
const normal = (email: string) => email.trim().toLowerCase();
const accountKey = (email: string) => `account:${hash(normal(email))}`;
const pairKey = (email: string, address: string) => `pair:${hash(normal(email), address)}`;

/** Wait in seconds for one key: 2^(failures - free) seconds after the last failure, capped. */
const WAIT_SQL = `greatest(0, ceil(extract(epoch from "last_failure"
    + make_interval(secs => least($3::float8, power(2, "failures" - $2)::float8)) - now())))::int`;

async function waitFor(key: string, free: number): Promise<number> {
  const { rows } = await getPool().query<{ wait: number }>(
    `select ${WAIT_SQL} as wait from "sign_in_backoff" where "key" = $1 and "failures" >= $2`,
    [key, free, MAX_WAIT_SECONDS],
  );
  return rows[0]?.wait ?? 0;
}

/** Seconds until this account may try again from this address, or 0 when it may try now. */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  const pair = await waitFor(pairKey(email, address), PAIR_FREE);
  const { rowCount } = await getPool().query(
    `select 1 from "sign_in_known_address" where "key" = $1 and "last_success" > now() - interval '${KNOWN_FOR}'`,
    [pairKey(email, address)],
  );
  const account = rowCount ? 0 : await waitFor(accountKey(email), ACCOUNT_FREE);
  return Math.max(pair, account);
}

/** One more failure on both keys; atomic under concurrency. A day without failures starts over. */
export async function recordFailure(email: string, address: string): Promise<void> {
  await getPool().query(
    `insert into "sign_in_backoff" ("key", "failures", "last_failure")
     select k, 1, now() from unnest($1::text[]) as k
     on conflict ("key") do update set "last_failure" = now(),
       "failures" = case when "sign_in_backoff"."last_failure" < now() - interval '1 day'
                         then 1 else "sign_in_backoff"."failures" + 1 end`,
    [[accountKey(email), pairKey(email, address)]],
  );
}

/** The owner is in: their failures are forgiven and this address becomes known. */
export async function recordSuccess(email: string, address: string): Promise<void> {
  await getPool().query(`delete from "sign_in_backoff" where "key" = any($1::text[])`, [
    [accountKey(email), pairKey(email, address)],
  ]);
  await getPool().query(
    `insert into "sign_in_known_address" ("key", "last_success") values ($1, now())
     on conflict ("key") do update set "last_success" = now()`,
    [pairKey(email, address)],
  );
}

/** A deleted account leaves no failure count behind. */
export async function forgetAccount(email: string): Promise<void> {
  await getPool().query(`delete from "sign_in_backoff" where "key" = $1`, [accountKey(email)]);
}
