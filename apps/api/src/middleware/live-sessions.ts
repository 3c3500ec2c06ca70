import type { Database } from "@todo/db";
import type { Kysely } from "kysely";

/**
 * How long a confirmed session is trusted without asking the database again. Contract 3b
 * allows a signed-out session's token at most 5 s; 2 s keeps well inside that while a busy
 * client costs one lookup per 2 s instead of one per request.
 */
export const SESSION_CACHE_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * Is the session `sid` live and `sub`'s? One query with both in its WHERE (never fetched
 * then compared); it also proves that the user exists, since sessions die with their user.
 */
export function liveSessions(db: Kysely<Database>, now: () => number = Date.now) {
  const confirmed = new Map<string, number>();
  return async (sid: string, sub: string): Promise<boolean> => {
    const key = `${sid}\u0000${sub}`;
    const until = confirmed.get(key);
    if (until !== undefined && until > now()) return true;
    const row = await db
      .selectFrom("session")
      .select("id")
      .where("id", "=", sid)
      .where("userId", "=", sub)
      .where("expiresAt", ">", new Date())
      .executeTakeFirst();
    if (!row) {
      confirmed.delete(key);
      return false;
    }
    // Bounded: a flood of distinct valid sessions cannot grow memory without limit.
    if (confirmed.size >= MAX_ENTRIES) confirmed.clear();
    confirmed.set(key, now() + SESSION_CACHE_MS);
    return true;
  };
}
