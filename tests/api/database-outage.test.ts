import { createDb, type DbHandle } from "@todo/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser, type TestUser } from "./helpers/harness.ts";
import { type OwnPostgres, startOwnPostgres } from "./helpers/own-postgres.ts";
import { type ApiProcess, startTestApi } from "./helpers/process.ts";
import { mintToken } from "./helpers/tokens.ts";

const WRITERS = 20;
const OUTAGE_MS = 3_000;
/** The contract says "within a second"; the bound leaves room for a loaded CI machine. */
const RECOVERY_LIMIT_MS = 3_000;

let postgres: OwnPostgres;
let database: DbHandle;
let api: ApiProcess;
let origin: string;
let user: TestUser;
let token: string;

beforeAll(async () => {
  postgres = await startOwnPostgres("outage");
  database = createDb(postgres.url, { max: 2 });
  user = await insertUser(database);
  token = await mintToken(user.id);
  ({ proc: api, origin } = await startTestApi(postgres.url, { API_RATE_LIMIT: "0" }));
}, 120_000);

afterAll(async () => {
  if (api && api.child.exitCode === null) api.child.kill("SIGKILL");
  await database?.close().catch(() => {});
  await postgres?.destroy();
});

interface Outcome {
  at: number;
  status: number | "network";
  retryAfter: string | null;
  id?: string;
}

/** WRITERS concurrent loops creating tasks until stopped; every answer is recorded. */
function startWriters() {
  const outcomes: Outcome[] = [];
  let running = true;
  const loop = async (writer: number) => {
    for (let i = 0; running; i++) {
      const at = Date.now();
      try {
        const res = await fetch(`${origin}/api/${user.id}/tasks`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ title: `writer ${writer} task ${i}` }),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await res.json()) as { id?: string };
        outcomes.push({ at, status: res.status, retryAfter: res.headers.get("retry-after"), id: body.id });
        if (res.status !== 201) await new Promise((r) => setTimeout(r, 25));
      } catch {
        outcomes.push({ at, status: "network", retryAfter: null });
        await new Promise((r) => setTimeout(r, 25));
      }
    }
  };
  const all = Promise.all(Array.from({ length: WRITERS }, (_, w) => loop(w)));
  return {
    outcomes,
    stop: async () => {
      running = false;
      await all;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the database going away under write load", () => {
  for (const mode of ["fast", "immediate"] as const) {
    it(`survives pg_ctl stop -m ${mode}: only 201 or 503, back by itself, no acknowledged write lost`, async () => {
      const writers = startWriters();
      await sleep(1_000);
      await postgres.stop(mode);
      await sleep(OUTAGE_MS);
      expect(api.child.exitCode, `API died: ${api.stderr()}`).toBeNull();
      await postgres.start();
      const back = Date.now();
      // Writers keep going until a write has succeeded after the return (or time runs out).
      while (Date.now() - back < 15_000 && !writers.outcomes.some((o) => o.at >= back && o.status === 201)) {
        await sleep(20);
      }
      await sleep(300);
      await writers.stop();

      expect(api.child.exitCode, `API died: ${api.stderr()}`).toBeNull();
      expect(api.stderr()).not.toMatch(/Unhandled 'error' event/);
      const statuses = new Set(writers.outcomes.map((o) => o.status));
      expect([...statuses].sort()).toEqual([201, 503]);
      for (const o of writers.outcomes.filter((x) => x.status === 503)) expect(Number(o.retryAfter)).toBeGreaterThan(0);

      const firstSuccessAfter = writers.outcomes.filter((o) => o.status === 201 && o.at >= back).map((o) => o.at);
      const recoveryMs = Math.min(...firstSuccessAfter) - back;
      console.log(`[outage -m ${mode}] ${writers.outcomes.length} writes, recovery ${recoveryMs} ms`);
      expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);

      const acknowledged = writers.outcomes.filter((o) => o.status === 201).map((o) => o.id as string);
      const { rows } = await database.pool.query<{ n: number }>(
        `select count(*)::int as n from "task" where "user_id" = $1 and "id" = any($2::uuid[])`,
        [user.id, acknowledged],
      );
      expect(rows[0]?.n).toBe(acknowledged.length);
    }, 90_000);
  }
});
