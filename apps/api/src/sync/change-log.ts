import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";

export type ChangeKind = "task" | "list";

/** The NOTIFY channel of the change feed; the payload is only the user id (a content-less poke). */
export const CHANGES_CHANNEL = "todo_changes";

/**
 * Takes the user's change-counter row lock. Every writing transaction takes it before any
 * task or list row lock, so the lock order is the same everywhere (no deadlock between a
 * writer waiting for the counter and one holding it). Held until commit (ADR 0052).
 */
export async function lockChanges(trx: Kysely<Database>, userId: string): Promise<void> {
  await sql`insert into "user_change_seq" ("user_id") values (${userId})
    on conflict ("user_id") do update set "seq" = "user_change_seq"."seq"`.execute(trx);
}

/**
 * Records that these resources changed, in the writing transaction: numbers come from the
 * user's counter (seq order = commit order, because the row stays locked until commit),
 * and a NOTIFY pokes every API instance once the transaction commits.
 */
export async function recordChanges(
  trx: Kysely<Database>,
  userId: string,
  kind: ChangeKind,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  // One round trip: a data-modifying WITH runs whether or not the outer SELECT reads it.
  await sql`with bumped as (
      insert into "user_change_seq" ("user_id", "seq") values (${userId}, ${ids.length})
      on conflict ("user_id") do update set "seq" = "user_change_seq"."seq" + ${ids.length}
      returning "seq"),
    logged as (
      insert into "change_log" ("user_id", "seq", "kind", "entity_id")
      select ${userId}, bumped."seq" - ${ids.length} + v.n, ${kind}, v.id
      from bumped, unnest(${ids}::uuid[]) with ordinality as v(id, n))
    select pg_notify(${CHANGES_CHANNEL}, ${userId})`.execute(trx);
}
