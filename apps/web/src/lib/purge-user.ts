import "server-only";
import { getPool } from "./db";
import { forgetAccount } from "./sign-in-throttle";

/**
 * After Better Auth deleted a user (sessions, accounts and, by foreign key, lists, tasks and
 * labels go with the row): the rows that name the user without a foreign key. Reset tokens
 * keep the user id as their value; the API's request budget is keyed by it.
 */
export async function purgeUserTraces(user: { id: string; email: string }): Promise<void> {
  const pool = getPool();
  await pool.query(`delete from "verification" where "value" = $1`, [user.id]);
  await pool.query(`delete from "api_rate_limit" where "key" = any($1::text[])`, [
    [`burst:${user.id}`, `minute:${user.id}`],
  ]);
  await forgetAccount(user.email);
}
