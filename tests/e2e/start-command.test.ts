import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readEnvFile } from "../../scripts/lib/env-files.ts";
import { runVerify } from "../verify/run-verify.ts";
import { freePort } from "./harness/processes.ts";
import { repoRoot } from "./harness/stack.ts";
import { interrupt, runStart, type StartRun, waitForOutput } from "./harness/start-command.ts";
import { runAsAdmin } from "./support/database.ts";

/**
 * `npm start`'s orchestrator as a person runs it, writing its env files into a
 * temporary folder (TODO_ENV_ROOT) instead of this checkout, on free ports and a
 * database of its own given once as DATABASE_URL; then `npm run verify` in its
 * default, local mode, the README's by-hand recipe, a new shell, a busy port and
 * a retry on other ports. Spec: specs/Phase-2-full-stack-web-todo/Start-Command/spec.md.
 */
const envRoot = mkdtempSync(join(tmpdir(), "start-command-"));
const files = { api: join(envRoot, "apps/api/.env"), web: join(envRoot, "apps/web/.env.local") };
const database = `todo_start_${Date.now()}`;
const email = `ada-${Date.now()}@example.com`;
let databaseUrl = "";
let ports: { api: number; web: number };

/** A start from "a shell" with only these variables (TODO_ENV_ROOT always). */
async function start(env: Record<string, string>, args: string[] = []): Promise<StartRun> {
  const run = runStart({ cwd: repoRoot, env: { TODO_ENV_ROOT: envRoot, ...env }, args });
  await waitForOutput(run, "press Ctrl-C to stop");
  return run;
}

async function stop(run: StartRun) {
  expect(await interrupt(run)).toBe(0);
  expect(run.output()).toMatch(/\[start\] stopped\n/);
}

const answers = async (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

/** The README's by-hand block, run with bash from a folder holding the env files. */
async function runReadmeRecipe(): Promise<string> {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const block = /<!-- by-hand-recipe[^\n]*\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, "the README's by-hand recipe block").toBeTruthy();
  const script = (block ?? "").replaceAll("ada@example.com", email);
  const { stdout } = await promisify(execFile)("bash", ["-euo", "pipefail", "-c", script], {
    cwd: envRoot,
    env: { PATH: process.env.PATH ?? "" },
  });
  return stdout;
}

async function verifyFailures() {
  const verify = await runVerify(["--env-root", envRoot, "--json"]);
  return { verify, failed: [...verify.checks.values()].filter((c) => c.status !== "pass") };
}

describe("npm start, then npm run verify", () => {
  beforeAll(async () => {
    await runAsAdmin(`create database "${database}"`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    ports = { api: await freePort(), web: await freePort() };
  });
  afterAll(() => runAsAdmin(`drop database if exists "${database}" with (force)`));

  let secret = "";

  it("writes both env files (one secret, the DATABASE_URL given once), starts, and verify passes", async () => {
    const started = await start({
      DATABASE_URL: databaseUrl,
      API_PORT: String(ports.api),
      WEB_PORT: String(ports.web),
    });
    try {
      const api = readEnvFile(files.api);
      const web = readEnvFile(files.web);
      secret = api.BETTER_AUTH_SECRET ?? "";
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(web.BETTER_AUTH_SECRET).toBe(secret);
      expect(web.BETTER_AUTH_URL).toBe(`http://localhost:${ports.web}`);
      expect([api.DATABASE_URL, web.DATABASE_URL]).toEqual([databaseUrl, databaseUrl]);
      const out = started.output();
      expect(out).toContain(`web port ${ports.web} (from WEB_PORT), API port ${ports.api} (from API_PORT)`);
      expect(out).toMatch(
        new RegExp(
          `database: 127\\.0\\.0\\.1:\\d+/${database} \\(DATABASE_URL from the environment, saved in both env files\\)`,
        ),
      );
      expect(out).not.toContain(databaseUrl); // shown as host:port/db, never whole (it may hold a password)
      expect(out).toContain(`Web: http://localhost:${ports.web}`);
      expect(out).toMatch(/migrations applied: 0001_better_auth/);

      const { verify, failed } = await verifyFailures();
      expect(failed).toEqual([]);
      expect(verify.checks.get("env.matches-running")?.status).toBe("pass");
      expect(verify.checks.get("start.own-services")?.status).toBe("pass");
      expect(verify.checks.get("db.source")?.reason).toMatch(
        /web: the DATABASE_URL in the env files .*API: the DATABASE_URL/,
      );

      // The README's recipe, with Node and curl only, on these ports.
      const recipe = await runReadmeRecipe();
      expect(recipe.match(/"title":"Buy milk"/g)?.length).toBe(2);
    } finally {
      await stop(started);
    }
    // No TRUSTED_IP_HEADERS/TRUSTED_PROXIES here: one line says the rate limit trusts a client-settable header.
    expect(started.output()).toMatch(/trust the client-settable X-Forwarded-For; set TRUSTED_IP_HEADERS/);
    expect(await answers(`http://127.0.0.1:${ports.api}/health`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${ports.web}/api/health`)).toBe(false);
    expect(existsSync(join(envRoot, ".data/running.json"))).toBe(false);
  });

  it("a new shell without DATABASE_URL keeps that database, the secret, the schema and the build", async () => {
    const started = await start({});
    try {
      const out = started.output();
      expect(out).toMatch(
        new RegExp(`database: 127\\.0\\.0\\.1:\\d+/${database} \\(DATABASE_URL from the env files\\)`),
      );
      expect(out).not.toMatch(/embedded/i);
      expect(out).toContain("database schema is up to date");
      expect(out).not.toContain("building the web app");
      expect(readEnvFile(files.api).BETTER_AUTH_SECRET).toBe(secret);
      // The account made by the README recipe is still there.
      const signIn = await fetch(`http://localhost:${ports.web}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin: `http://localhost:${ports.web}`, "content-type": "application/json" },
        body: JSON.stringify({ email, password: "correct-horse-battery" }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await stop(started);
    }
  });

  it("a busy port stops it at once, before any build, saying what holds it and how to choose another", async () => {
    const before = readFileSync(files.web, "utf8");
    const other: Server = createServer((_req, res) => res.end('{"status":"ok"}'));
    await new Promise<void>((resolve) => other.listen(ports.web, "127.0.0.1", resolve));
    try {
      const began = Date.now();
      const run = runStart({ cwd: repoRoot, env: { TODO_ENV_ROOT: envRoot } });
      expect(await run.exited).toBe(3);
      expect(Date.now() - began).toBeLessThan(15_000);
      const out = run.output();
      expect(out).toContain(`port ${ports.web} for the web is already in use by pid ${process.pid}: `);
      expect(out).toContain(`--web-port ${ports.web + 1} (or WEB_PORT=${ports.web + 1})`);
      expect(out).not.toMatch(/\[start\] ready|building the web|database: |\n\s+at /);
      expect(readFileSync(files.web, "utf8")).toBe(before);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("an unknown flag is a configuration error (exit code 2)", async () => {
    const run = runStart({ cwd: repoRoot, env: { TODO_ENV_ROOT: envRoot }, args: ["--web-prot", "1"] });
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/Unknown option '--web-prot'.*--web-port N/);
  });

  it("a retry on other ports moves both env files with it, and a plain verify checks the new ports", async () => {
    const moved = { api: await freePort(), web: await freePort() };
    const started = await start({ API_PORT: String(moved.api) }, ["--web-port", String(moved.web)]);
    try {
      expect(started.output()).toContain(`apps/web/.env.local: PORT ${ports.web} → ${moved.web}`);
      expect(started.output()).toContain(
        `web port ${moved.web} (from --web-port), API port ${moved.api} (from API_PORT)`,
      );
      const web = `http://localhost:${moved.web}`;
      expect(readEnvFile(files.api)).toMatchObject({ PORT: String(moved.api), BETTER_AUTH_URL: web, WEB_ORIGIN: web });
      expect(readEnvFile(files.web)).toMatchObject({
        PORT: String(moved.web),
        BETTER_AUTH_URL: web,
        API_URL: `http://localhost:${moved.api}`,
      });
      const { verify, failed } = await verifyFailures();
      expect(failed).toEqual([]);
      expect(verify.checks.get("auth.sign-up")?.status).toBe("pass"); // the origin check accepts the new origin
    } finally {
      await stop(started);
    }
  });
});
