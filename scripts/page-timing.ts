/**
 * First-page time at 100 vs 100,000 tasks (contract 6.4, issue 9): seeds two users in a
 * scratch database (TEST_DATABASE_URL or the embedded PostgreSQL), then times GET /tasks
 * through the real app for each sort. Usage: npx tsx scripts/page-timing.ts
 */
import { createDb } from "@todo/db";
import { SignJWT } from "jose";
import { createApp } from "../apps/api/src/create-app.ts";
import { parseEnv } from "../apps/api/src/env.ts";
import { createLogger } from "../apps/api/src/lib/logger.ts";
import { insertUser } from "../tests/api/helpers/harness.ts";
import { seedTasks } from "../tests/api/helpers/seed.ts";
import { sessionIdFor } from "../tests/api/helpers/tokens.ts";
import { acquireTestDatabase } from "../tests/setup/database.ts";

const SECRET = "page-timing-secret-0123456789abcdef0123";
const RUNS = 60;
const database = await acquireTestDatabase("timing");
const handle = createDb(database.url);
try {
  const env = parseEnv({
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: SECRET,
    BETTER_AUTH_URL: "http://localhost:3000",
    API_RATE_LIMIT: "0",
  });
  const app = createApp({ db: handle.db, pool: handle.pool, env, logger: createLogger("silent") });
  const small = await insertUser(handle);
  const large = await insertUser(handle);
  await seedTasks(handle.pool, small.id, 100);
  await seedTasks(handle.pool, large.id, 100_000);
  const token = (sub: string) =>
    new SignJWT({ sid: sessionIdFor(sub) })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(sub)
      .setIssuer("http://localhost:3000")
      .setAudience("todo-api")
      .setIssuedAt()
      .setExpirationTime("15m")
      .sign(new TextEncoder().encode(SECRET));
  const tokens = { small: await token(small.id), large: await token(large.id) };
  const median = async (userId: string, bearer: string, query: string) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const start = performance.now();
      const res = await app.request(`/api/${userId}/tasks?${query}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${query}: ${res.status}`);
      if (i >= 5) times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  };
  console.log("query".padEnd(34), "100 tasks", "100,000 tasks", "ratio");
  // Warm up the JIT and the caches before measuring anything.
  for (let i = 0; i < 50; i++) await median(small.id, tokens.small, "sort=created").catch(() => 0);
  for (const query of [
    "sort=created",
    "sort=updated",
    "sort=due",
    "sort=priority",
    "sort=title",
    "sort=manual",
    "due=today&sort=due",
    "status=pending",
  ]) {
    const a = await median(small.id, tokens.small, query);
    const b = await median(large.id, tokens.large, query);
    console.log(query.padEnd(34), `${a.toFixed(2)} ms`.padEnd(9), `${b.toFixed(2)} ms`.padEnd(13), (b / a).toFixed(2));
  }
} finally {
  await handle.close();
  await database.release();
}
