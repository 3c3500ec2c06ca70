import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { webServer } from "../../scripts/lib/web-server.ts";
import { freePort, type Service, startService, stopService, waitForHttp } from "./harness/processes.ts";
import { productEnv, repoRoot } from "./harness/stack.ts";

/**
 * A second `next start` from the same build, pointed at a database that does not
 * answer, and one started with a weak secret: the health route and the boot-time
 * configuration check, seen from outside.
 */
describe("the web's own checks", () => {
  let web: Service;
  let url: string;
  const env = (overrides: Record<string, string>) => ({
    ...productEnv(),
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: inject("authSecret"),
    API_URL: inject("apiUrl"),
    ...overrides,
  });
  const next = (name: string, port: number, overrides: Record<string, string>) =>
    startService(name, ...webServer(repoRoot, port, "127.0.0.1"), {
      cwd: `${repoRoot}apps/web`,
      env: env({ PORT: String(port), BETTER_AUTH_URL: `http://127.0.0.1:${port}`, ...overrides }),
      logFile: `${repoRoot}test-results/e2e-${name}-${Date.now()}.log`,
    });

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // Port 9 (discard) refuses connections at once: "the database is down".
    web = next("web-no-db", port, { DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" });
    await waitForHttp(`${url}/api/health`, web, 60_000, () => true);
  });
  afterAll(async () => {
    if (web) await stopService(web);
  });

  it("GET /api/health is 503 when the database cannot be reached", async () => {
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable" });
  });

  it("a production start refuses a short secret and names the variable", async () => {
    const port = await freePort();
    const weak = next("web-weak-secret", port, {
      DATABASE_URL: inject("databaseUrl"),
      BETTER_AUTH_SECRET: "too-short",
    });
    const code = await new Promise<number | null>((resolve) => weak.child.once("exit", resolve));
    await new Promise((r) => setTimeout(r, 300)); // let the log file catch up
    const { readFileSync } = await import("node:fs");
    expect(code).not.toBe(0);
    expect(readFileSync(weak.logFile, "utf8")).toContain("BETTER_AUTH_SECRET must be at least 32 characters");
  });
});
