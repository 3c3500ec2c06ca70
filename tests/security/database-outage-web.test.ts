import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webServer } from "../../scripts/lib/web-server.ts";
import { type OwnPostgres, startOwnPostgres } from "../api/helpers/own-postgres.ts";
import { freePort, type Service, startService, stopService, waitForHttp } from "../e2e/harness/processes.ts";
import { productEnv, repoRoot } from "../e2e/harness/stack.ts";

// The web (production build, as the stack runs it) against a PostgreSQL of the test's own,
// which is stopped and started again while people keep signing in.
let postgres: OwnPostgres;
let web: Service;
let webUrl: string;
const email = `outage-${randomBytes(4).toString("hex")}@example.com`;
const password = "outage-password-123";

const post = (path: string, body: unknown, n: number) =>
  fetch(`${webUrl}/api/auth${path}`, {
    method: "POST",
    headers: {
      origin: webUrl,
      "content-type": "application/json",
      "x-forwarded-for": `10.9.${n % 250}.${1 + (n % 200)}`,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });

beforeAll(async () => {
  postgres = await startOwnPostgres("web-outage");
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  web = startService("web", ...webServer(repoRoot, port, "127.0.0.1"), {
    cwd: `${repoRoot}apps/web`,
    env: {
      ...productEnv(),
      PORT: String(port),
      DATABASE_URL: postgres.url,
      BETTER_AUTH_SECRET: randomBytes(36).toString("base64url"),
      BETTER_AUTH_URL: webUrl,
      API_URL: "http://127.0.0.1:9",
    },
    logFile: `${repoRoot}test-results/web-outage-${Date.now()}.log`,
  });
  await waitForHttp(`${webUrl}/api/health`, web, 90_000);
  expect((await post("/sign-up/email", { name: "Outage", email, password }, 0)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  if (web) await stopService(web);
  await postgres?.destroy();
});

describe("the web while its database is gone", () => {
  for (const mode of ["fast", "immediate"] as const) {
    it(`pg_ctl stop -m ${mode}: 503 with Retry-After, alive, and signing in again by itself`, async () => {
      let n = 1;
      // Load while it goes: sign-ins keep connections checked out at the moment the database stops.
      let running = true;
      const statuses: number[] = [];
      const load = Promise.all(
        Array.from({ length: 8 }, async () => {
          while (running) {
            const status = await post("/sign-in/email", { email, password }, n++).then(
              (r) => r.status,
              () => 0,
            );
            statuses.push(status);
          }
        }),
      );
      await new Promise((r) => setTimeout(r, 500));
      await postgres.stop(mode);
      await new Promise((r) => setTimeout(r, 1_500));

      const down = await post("/sign-in/email", { email, password }, n++);
      expect(down.status).toBe(503);
      expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await fetch(`${webUrl}/api/health`)).status).toBe(503);
      expect(web.exited()).toBe(false);
      running = false;
      await load;

      await postgres.start();
      const back = Date.now();
      let status = 0;
      while (status !== 200 && Date.now() - back < 10_000) {
        status = (await post("/sign-in/email", { email, password }, n++)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
      console.log(`[web outage -m ${mode}] signed in again ${Date.now() - back} ms after the database returned`);
      expect(Date.now() - back).toBeLessThan(3_000);
      expect(web.exited()).toBe(false);
      // Never a bare 500 while the database was away: only success, 503, or Better Auth's own limits.
      expect(statuses.filter((s) => ![200, 503, 429].includes(s))).toEqual([]);
      expect(readFileSync(web.logFile, "utf8")).not.toMatch(/Unhandled 'error' event/);
    }, 60_000);
  }
});
