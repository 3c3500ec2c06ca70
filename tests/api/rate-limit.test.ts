import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./helpers/harness.ts";
import { call, expectProblem, tasksPath } from "./helpers/http.ts";
import { mintToken } from "./helpers/tokens.ts";

// Two app instances on one database, each with its own pool: the budget must be shared.
const a = createHarness({ env: { API_RATE_LIMIT: "1200" } });
const b = createHarness({ env: { API_RATE_LIMIT: "1200" } });
const off = createHarness({ env: { API_RATE_LIMIT: "0" } });
const large = createHarness({ env: { API_RATE_LIMIT: "12000" } });
afterAll(async () => {
  await Promise.all([a.close(), b.close(), off.close(), large.close()]);
});

let alice: TestUser;
let bob: TestUser;
let aliceToken: string;
let bobToken: string;
beforeAll(async () => {
  alice = await a.createUser();
  bob = await a.createUser();
  aliceToken = await mintToken(alice.id);
  bobToken = await mintToken(bob.id);
});

const list = (app: typeof a, user: TestUser, token: string) => call(app.app, "GET", tasksPath(user.id), { token });

describe("the per-user API rate limit", () => {
  it("allows a burst of 100 across instances, then 429 with Retry-After and the RateLimit headers", async () => {
    const first = await Promise.all(Array.from({ length: 100 }, (_, i) => list(i % 2 ? a : b, alice, aliceToken)));
    expect(first.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(first[0]?.headers.get("ratelimit-policy")).toBe('"burst";q=100;w=5, "minute";q=1200;w=60');
    expect(first.at(-1)?.headers.get("ratelimit")).toMatch(/^"burst";r=\d+;t=\d+$/);

    const refused = await list(b, alice, aliceToken);
    const body = await expectProblem(refused, 429);
    expect(body.detail).toMatch(/too many requests/i);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    expect(refused.headers.get("ratelimit")).toBe(`"burst";r=0;t=${retryAfter}`);
    expect(refused.headers.get("ratelimit-policy")).toContain('"minute";q=1200;w=60');

    // Another user is not affected.
    expect((await list(a, bob, bobToken)).status).toBe(200);

    // After Retry-After the budget is back.
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
    const again = await list(a, alice, aliceToken);
    expect(again.status).toBe(200);
  }, 20_000);

  it("a per-minute figure above 6,000 is not capped by a burst of 100 a second", async () => {
    const user = await large.createUser();
    const token = await mintToken(user.id);
    const all = await Promise.all(Array.from({ length: 150 }, () => list(large, user, token)));
    expect(all.map((r) => r.status)).toEqual(Array(150).fill(200));
    expect(all[0]?.headers.get("ratelimit-policy")).toBe('"burst";q=200;w=1, "minute";q=12000;w=60');
  });

  it("counts both windows in one row per user, which goes with the account", async () => {
    const user = await a.createUser();
    const token = await mintToken(user.id);
    await Promise.all(Array.from({ length: 3 }, () => list(a, user, token)));
    const budget = () =>
      a.database.pool.query<{ burst_points: number; minute_points: number }>(
        `select "burst_points", "minute_points" from "api_request_budget" where "user_id" = $1`,
        [user.id],
      );
    expect((await budget()).rows).toEqual([{ burst_points: 3, minute_points: 3 }]);
    await a.database.pool.query(`delete from "user" where "id" = $1`, [user.id]);
    expect((await budget()).rowCount).toBe(0);
  });

  it("API_RATE_LIMIT=0 turns it off", async () => {
    const user = await off.createUser();
    const token = await mintToken(user.id);
    const all = await Promise.all(Array.from({ length: 150 }, () => list(off, user, token)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(all[0]?.headers.get("ratelimit")).toBeNull();
  });
});

describe("with REDIS_URL, the budget lives in Redis", () => {
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  const clients = [
    new Redis(redisUrl, { enableOfflineQueue: false }),
    new Redis(redisUrl, { enableOfflineQueue: false }),
  ];
  // A Redis that is not there: the limiter must fall back to PostgreSQL, not wave requests through.
  const gone = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, lazyConnect: true });
  gone.on("error", () => {});
  const r1 = createHarness({ env: { API_RATE_LIMIT: "1200" }, redis: clients[0] });
  const r2 = createHarness({ env: { API_RATE_LIMIT: "1200" }, redis: clients[1] });
  const fallback = createHarness({ env: { API_RATE_LIMIT: "1200" }, redis: gone });
  beforeAll(() =>
    Promise.all(clients.map((c) => (c.status === "ready" ? undefined : new Promise((ok) => c.once("ready", ok))))),
  );
  afterAll(async () => {
    for (const c of [...clients, gone]) c.disconnect();
    await Promise.all([r1.close(), r2.close(), fallback.close()]);
  });

  const burstThenRefused = async (apps: Harness[]) => {
    const user = await apps[0]?.createUser();
    if (!user) throw new Error("no user");
    const token = await mintToken(user.id);
    const first = await Promise.all(
      Array.from({ length: 100 }, (_, i) => list(apps[i % apps.length] as Harness, user, token)),
    );
    expect(first.map((r) => r.status)).toEqual(Array(100).fill(200));
    await expectProblem(await list(apps[0] as Harness, user, token), 429);
    return user;
  };

  it("two instances share one Redis budget, and nothing is written to PostgreSQL", async () => {
    const user = await burstThenRefused([r1, r2]);
    expect(Number(await clients[0]?.get(`burst:${user.id}`))).toBeGreaterThanOrEqual(101);
    const { rowCount } = await r1.database.pool.query(`select 1 from "api_request_budget" where "user_id" = $1`, [
      user.id,
    ]);
    expect(rowCount).toBe(0);
  });

  it("while Redis is unreachable, PostgreSQL counts instead", async () => {
    await burstThenRefused([fallback]);
  });
});
