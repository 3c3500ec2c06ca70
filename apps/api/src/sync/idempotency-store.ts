import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";

/** Contract 8: a key answers the same for 24 hours. */
export const IDEMPOTENCY_HOURS = 24;
/**
 * A record without status was claimed by the scheme before ADR 0055 (a committed claim, then
 * the work): one still younger than this may belong to a request running on an older
 * instance during a deploy (409); an older one was abandoned and is taken over.
 */
export const IN_FLIGHT_LEASE_SECONDS = 120;

export interface IdempotencyRequest {
  userId: string;
  key: string;
  method: string;
  path: string;
  bodyHash: string;
}

export interface StoredAnswer {
  method: string;
  path: string;
  body_hash: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

const stale = sql<boolean>`("created_at" < now() - make_interval(hours => ${IDEMPOTENCY_HOURS})
  or ("status" is null and "created_at" < now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS})))`;

/**
 * In the request transaction `trx`: takes the key's transaction-scoped advisory lock without
 * waiting ("running" when another transaction holds it: the same key is being answered right
 * now, on any instance), then returns the answer a committed earlier request stored, or null.
 * An expired record is deleted here, so its row lock is taken before the user's change counter,
 * in the order the expiry job takes them too (ADR 0055).
 */
export async function lookUpKey(
  trx: Kysely<Database>,
  r: IdempotencyRequest,
): Promise<StoredAnswer | "running" | null> {
  // Two 32-bit keys: a lock space apart from the jobs' single-key locks.
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtext(${r.userId}), hashtext(${r.key})) as "locked"`.execute(trx);
  if (!rows[0]?.locked) return "running";
  const found = await sql<StoredAnswer>`
    with "gone" as (delete from "idempotency_key" where "user_id" = ${r.userId} and "key" = ${r.key} and ${stale})
    select "method", "path", "body_hash", "status", "headers", "body" from "idempotency_key"
    where "user_id" = ${r.userId} and "key" = ${r.key} and not ${stale}`.execute(trx);
  return found.rows[0] ?? null;
}

/** Stores the first answer for replays, in the transaction that did the work. */
export async function storeAnswer(
  trx: Kysely<Database>,
  r: IdempotencyRequest,
  answer: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  const record = {
    user_id: r.userId,
    key: r.key,
    method: r.method,
    path: r.path,
    body_hash: r.bodyHash,
    status: answer.status,
    headers: JSON.stringify(answer.headers),
    body: answer.body,
  };
  // The conflict can only be a claim by an instance of the earlier scheme during a deploy.
  await trx
    .insertInto("idempotency_key")
    .values(record)
    .onConflict((oc) => oc.columns(["user_id", "key"]).doUpdateSet({ ...record, created_at: sql`now()` }))
    .execute();
}

/** The expiry job's work: records older than 24 hours, for every user. */
export async function expireKeys(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_key")
    .where("created_at", "<", sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_HOURS})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
