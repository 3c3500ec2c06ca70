import { randomUUID } from "node:crypto";
import { API_AUDIENCE, TOKEN_TTL_SECONDS } from "@todo/contract";
import { SignJWT } from "jose";
import type pg from "pg";
import { seedTasks } from "../../tests/api/helpers/seed.ts";

export interface BenchUser {
  id: string;
  sessionId: string;
  token: string;
  /** One of the user's tasks, for the single-task endpoints. */
  taskId: string;
}

/**
 * A user the way Better Auth leaves one (user + live session row) with `tasks`
 * tasks, inserted by one generate_series statement so 100,000 take a second.
 */
export async function seedUser(
  pool: pg.Pool,
  { tasks, secret, issuer }: { tasks: number; secret: string; issuer: string },
): Promise<BenchUser> {
  const id = randomUUID();
  const sessionId = randomUUID();
  await pool.query(
    `insert into "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
     values ($1, 'Bench', $2, false, now(), now())`,
    [id, `${id}@bench.invalid`],
  );
  await pool.query(
    `insert into "session" ("id", "expiresAt", "token", "createdAt", "updatedAt", "userId")
     values ($1, now() + interval '1 day', $2, now(), now(), $3)`,
    [sessionId, randomUUID(), id],
  );
  await seedTasks(pool, id, tasks);
  const { rows } = await pool.query<{ id: string }>(
    `select "id" from "task" where "user_id" = $1 order by "created_at" desc limit 1`,
    [id],
  );
  const taskId = rows[0]?.id;
  if (!taskId) throw new Error("seeding produced no task");
  return { id, sessionId, taskId, token: await mintToken({ sub: id, sid: sessionId, secret, issuer }) };
}

/** A token shaped exactly like the web's (contract section 3, with the session id of 3b). */
export function mintToken(o: { sub: string; sid: string; secret: string; issuer: string }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: o.sid })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(o.sub)
    .setIssuer(o.issuer)
    .setAudience(API_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_TTL_SECONDS)
    .sign(new TextEncoder().encode(o.secret));
}
