import { isTimeZone } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";

/** The user's saved IANA zone (contract 10), else UTC: what "today" means for them. */
export async function savedZone(db: Kysely<Database>, userId: string): Promise<string> {
  const user = await db.selectFrom("user").select("timeZone").where("id", "=", userId).executeTakeFirst();
  const saved = user?.timeZone;
  return saved && isTimeZone(saved) ? saved : "UTC";
}
