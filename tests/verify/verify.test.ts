import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "../../packages/db/src/migrate.ts";
import { writeRunState } from "../../scripts/lib/run-state.ts";
import { freePort, type Service, startService, stopService, waitForHttp } from "../e2e/harness/processes.ts";
import { envRoot, runVerify, type VerifyRun } from "./run-verify.ts";

const webUrl = inject("webUrl");
const apiUrl = inject("apiUrl");
const databaseUrl = inject("databaseUrl");
const secret = inject("authSecret");
const repoRoot = new URL("../../", import.meta.url).pathname;

const status = (run: VerifyRun, id: string) => run.checks.get(id)?.status;
/** Nothing answers at this address: only the env-file checks can pass. */
const NOWHERE = "http://127.0.0.1:9";
const verifyFilesOnly = (root: string) => runVerify(["--web", NOWHERE, "--api", NOWHERE, "--env-root", root, "--json"]);
const leftoverUsers = async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from "user" where email like '%@verify.invalid'`,
    );
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
};

/** A second API process with its own (mis)configuration, next to the healthy stack. */
async function extraApi(env: Record<string, string>): Promise<{ url: string; service: Service }> {
  const port = await freePort();
  const service = startService("api-extra", `${repoRoot}node_modules/.bin/tsx`, ["apps/api/src/server.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: webUrl,
      WEB_ORIGIN: webUrl,
      LOG_LEVEL: "warn",
      ...env,
    },
    logFile: `${repoRoot}test-results/verify-api-${port}.log`,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, service, 30_000);
  return { url, service };
}

const alignedFiles = () =>
  envRoot(
    { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, WEB_ORIGIN: webUrl, DATABASE_URL: databaseUrl },
    { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, API_URL: apiUrl, DATABASE_URL: databaseUrl },
  );

describe("npm run verify", () => {
  it("passes every check on a healthy system and leaves nothing behind", async () => {
    const run = await runVerify(["--web", webUrl, "--api", apiUrl, "--env-root", alignedFiles(), "--json"]);
    const failed = [...run.checks.values()].filter((c) => c.status === "fail");
    expect(failed).toEqual([]);
    // Only the checks of a running `npm start` are skipped: this stack was started by the tests.
    const skipped = [...run.checks.values()].filter((c) => c.status === "skip").map((c) => c.id);
    expect(skipped).toEqual(["env.matches-running", "start.own-services"]);
    expect(run.checks.get("db.source")?.reason).toMatch(
      /^web: the DATABASE_URL in the env files .*; API: the DATABASE_URL/,
    );
    expect(run.code).toBe(0);
    expect(run.checks.size).toBeGreaterThanOrEqual(18);
    expect(await leftoverUsers()).toBe(0);
    // The secret is compared, never printed.
    expect(run.stdout).not.toContain(secret);
  });

  it("--api2: the live-events check listens on a second API instance of the same database", async () => {
    const second = await extraApi({});
    try {
      const run = await runVerify(["--web", webUrl, "--api", apiUrl, "--api2", second.url, "--json"]);
      const live = run.checks.get("sync.live-events");
      expect(live?.status, live?.reason).toBe("pass");
      expect(live?.reason).toContain(`heard on ${second.url}`);
      expect(await leftoverUsers()).toBe(0);
    } finally {
      await stopService(second.service);
    }
  });

  it("skips file checks it cannot do against a deployed system, and says so", async () => {
    const run = await runVerify(["--web", NOWHERE, "--api", NOWHERE, "--json"]);
    expect(status(run, "env.secret-aligned")).toBe("skip");
    expect(run.checks.get("env.files")?.reason).toMatch(/another system/);
    expect(status(run, "web.database")).toBe("fail");
    expect(run.code).toBe(1);
  });
});

describe("npm run verify catches misconfiguration", () => {
  let otherSecretApi: { url: string; service: Service };
  let otherDbApi: { url: string; service: Service };
  let otherDb: string;
  let otherDbUrl: string;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    otherDb = `todo_verify_other_${randomBytes(3).toString("hex")}`;
    await admin.query(`create database "${otherDb}"`);
    await admin.end();
    const otherUrl = new URL(databaseUrl);
    otherUrl.pathname = `/${otherDb}`;
    otherDbUrl = otherUrl.toString();
    await migrate(otherDbUrl);
    otherSecretApi = await extraApi({ BETTER_AUTH_SECRET: randomBytes(36).toString("base64url") });
    otherDbApi = await extraApi({ DATABASE_URL: otherUrl.toString() });
  });

  afterAll(async () => {
    await Promise.all([
      otherSecretApi && stopService(otherSecretApi.service),
      otherDbApi && stopService(otherDbApi.service),
    ]);
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${otherDb}" with (force)`);
    await admin.end();
  });

  it("secrets that differ between the env files", async () => {
    const root = envRoot(
      { BETTER_AUTH_SECRET: "a".repeat(8) + randomBytes(24).toString("hex"), BETTER_AUTH_URL: webUrl },
      { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, API_URL: apiUrl },
    );
    const run = await verifyFilesOnly(root);
    expect(status(run, "env.files")).toBe("pass");
    expect(status(run, "env.secret-aligned")).toBe("fail");
    expect(run.checks.get("env.secret-aligned")?.reason).toMatch(/BETTER_AUTH_SECRET differs/);
    expect(run.stdout).not.toContain(secret);
  });

  it("secrets that differ between the running services, cleaning up after the failure", async () => {
    const run = await runVerify(["--web", webUrl, "--api", otherSecretApi.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL {2}auth\.token-accepted .*refused a fresh token/);
    expect(run.stdout).toMatch(/hint: BETTER_AUTH_SECRET or BETTER_AUTH_URL differ/);
    expect(run.stdout).toMatch(/PASS {2}cleanup /);
    expect(run.stdout).toMatch(/\d+ passed, [1-9]\d* failed, \d+ skipped/);
    expect(await leftoverUsers()).toBe(0);
  });

  it("databases that differ", async () => {
    const run = await runVerify(["--web", webUrl, "--api", otherDbApi.url, "--json"]);
    expect(status(run, "web.database")).toBe("pass");
    expect(status(run, "api.database")).toBe("pass");
    expect(status(run, "db.same-database")).toBe("fail");
    expect(run.checks.get("db.same-database")?.reason).toMatch(/not the API's/);
    expect(status(run, "auth.sign-up")).toBe("fail");
    expect(await leftoverUsers()).toBe(0);
  });

  it("a service that is down", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const apiDown = await runVerify(["--web", webUrl, "--api", closed, "--json"]);
    expect(status(apiDown, "api.database")).toBe("fail");
    expect(apiDown.checks.get("api.database")?.reason).toMatch(/nothing answers .*API is down or the API URL is wrong/);
    const webDown = await runVerify(["--web", closed, "--api", apiUrl, "--json"]);
    expect(status(webDown, "web.database")).toBe("fail");
    expect(status(webDown, "api.database")).toBe("pass");
  });

  it("an API URL in the web's env file that is not the API", async () => {
    const root = envRoot(
      { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl },
      { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, API_URL: "http://127.0.0.1:1" },
    );
    const run = await runVerify(["--web", NOWHERE, "--api", apiUrl, "--env-root", root, "--json"]);
    expect(status(run, "env.api-url")).toBe("fail");
    expect(run.checks.get("env.api-url")?.reason).toMatch(/sends browsers to http:\/\/127\.0\.0\.1:1/);
  });

  it("databases that differ between the env files", async () => {
    const root = envRoot(
      { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, DATABASE_URL: "postgres://a@127.0.0.1/one" },
      {
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: webUrl,
        API_URL: apiUrl,
        DATABASE_URL: "postgres://a@127.0.0.1/two",
      },
    );
    const run = await verifyFilesOnly(root);
    expect(status(run, "env.database-aligned")).toBe("fail");
  });

  it("a database in the env files that is not the one the services use", async () => {
    const root = envRoot(
      { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, WEB_ORIGIN: webUrl, DATABASE_URL: otherDbUrl },
      { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: webUrl, API_URL: apiUrl, DATABASE_URL: otherDbUrl },
    );
    const run = await runVerify(["--web", webUrl, "--api", apiUrl, "--env-root", root, "--json"]);
    expect(status(run, "db.same-database")).toBe("pass");
    expect(status(run, "db.source")).toBe("fail");
    expect(run.checks.get("db.source")?.reason).toMatch(
      new RegExp(`the web's database is not the DATABASE_URL in the env files \\(127\\.0\\.0\\.1:\\d+/${otherDb}\\)`),
    );
  });
});

describe("npm run verify against a running npm start (its .data/running.json)", () => {
  const port = (url: string) => Number(new URL(url).port);
  /** Env files for the stack, and the state a start running them would leave. */
  function startedRoot(files: { apiPort: string }, runId: string): string {
    const root = envRoot(
      {
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: webUrl,
        WEB_ORIGIN: webUrl,
        PORT: files.apiPort,
        DATABASE_URL: databaseUrl,
      },
      {
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: webUrl,
        API_URL: apiUrl,
        PORT: String(port(webUrl)),
        DATABASE_URL: databaseUrl,
      },
    );
    writeRunState(root, {
      pid: process.pid,
      runId,
      webUrl,
      apiUrl,
      webPort: port(webUrl),
      apiPort: port(apiUrl),
      webOrigin: webUrl,
      database: { source: "external", where: "test" },
    });
    return root;
  }

  it("env files that say other ports than the ones it runs", async () => {
    const run = await runVerify(["--env-root", startedRoot({ apiPort: "8000" }, "x"), "--json"]);
    expect(status(run, "env.matches-running")).toBe("fail");
    expect(run.checks.get("env.matches-running")?.reason).toBe(
      `npm start runs the web on port ${port(webUrl)} and the API on port ${port(apiUrl)}, but PORT in apps/api/.env is 8000, not ${port(apiUrl)}`,
    );
  });

  it("another program answering where npm start's services should be: no user is created there", async () => {
    const run = await runVerify([
      "--env-root",
      startedRoot({ apiPort: String(port(apiUrl)) }, "not-this-stack"),
      "--json",
    ]);
    expect(status(run, "env.matches-running")).toBe("pass");
    expect(status(run, "start.own-services")).toBe("fail");
    expect(run.checks.get("start.own-services")?.reason).toMatch(
      /the API answering at .* is not the one npm start started/,
    );
    expect(run.checks.has("auth.sign-up")).toBe(false);
    expect(run.code).toBe(1);
  });
});
