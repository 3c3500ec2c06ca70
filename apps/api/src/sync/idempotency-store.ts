import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";

/** Contract 8: a key answers the same for 24 hours. */
export const IDEMPOTENCY_HOURS = 24;
/**
 * A record still "running" after this long belongs to a process that died between its
 * work and its record (ADR 0051): a repeat may take it over instead of getting 409 for a day.
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

/**
 * Claims the key for this request: a new row (committed at once, so every instance sees
 * the request as running), or the takeover of an expired or abandoned one. Returns null
 * when claimed, else the record already there.
 */
export async function claimKey(db: Kysely<Database>, r: IdempotencyRequest): Promise<StoredAnswer | null> {
  const { rows } = await sql<{ claimed: boolean }>`
    insert into "idempotency_key" ("user_id", "key", "method", "path", "body_hash")
    values (${r.userId}, ${r.key}, ${r.method}, ${r.path}, ${r.bodyHash})
    on conflict ("user_id", "key") do update set "method" = excluded."method", "path" = excluded."path",
      "body_hash" = excluded."body_hash", "status" = null, "headers" = null, "body" = null, "created_at" = now()
    where "idempotency_key"."created_at" < now() - make_interval(hours => ${IDEMPOTENCY_HOURS})
      or ("idempotency_key"."status" is null
        and "idempotency_key"."created_at" < now() - make_interval(secs => ${IN_FLIGHT_LEASE_SECONDS}))
    returning true as "claimed"`.execute(db);
  if (rows.length > 0) return null;
  const existing = await db
    .selectFrom("idempotency_key")
    .select(["method", "path", "body_hash", "status", "headers", "body"])
    .where("user_id", "=", r.userId)
    .where("key", "=", r.key)
    .executeTakeFirst();
  // Gone between the two statements (expired and deleted): claim it afresh.
  return existing ? (existing as StoredAnswer) : claimKey(db, r);
}

/** Stores the first answer for replays. */
export async function storeAnswer(
  db: Kysely<Database>,
  { userId, key }: { userId: string; key: string },
  answer: { status: number; headers: Record<string, string>; body: string },
): Promise<void> {
  await db
    .updateTable("idempotency_key")
    .set({ status: answer.status, headers: JSON.stringify(answer.headers), body: answer.body })
    .where("user_id", "=", userId)
    .where("key", "=", key)
    .execute();
}

/** Forgets a claim whose request failed on our side (5xx): a retry does the work. */
export async function releaseKey(db: Kysely<Database>, { userId, key }: { userId: string; key: string }) {
  await db.deleteFrom("idempotency_key").where("user_id", "=", userId).where("key", "=", key).execute();
}

/** The expiry job's work: records older than 24 hours, for every user. */
export async function expireKeys(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_key")
    .where("created_at", "<", sql<Date>`now() - make_interval(hours => ${IDEMPOTENCY_HOURS})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
