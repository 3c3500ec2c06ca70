import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readEnvFile } from "../../scripts/lib/env-files.ts";
import { runVerify } from "../verify/run-verify.ts";
import { freePort } from "./harness/processes.ts";
import { repoRoot } from "./harness/stack.ts";

/**
 * `npm start`'s orchestrator as a person runs it, writing its env files into a
 * temporary folder (TODO_ENV_ROOT) instead of this checkout, on free ports and a
 * database of its own; then `npm run verify` in its default, local mode.
 */
interface Started {
  child: ChildProcess;
  output: () => string;
}

const envRoot = mkdtempSync(join(tmpdir(), "start-command-"));
const database = `todo_start_${Date.now()}`;
let databaseUrl = "";
let ports: { api: number; web: number };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function start(): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start-services.ts"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NEXT_TELEMETRY_DISABLED: "1",
      TODO_ENV_ROOT: envRoot,
      DATABASE_URL: databaseUrl,
      API_PORT: String(ports.api),
      WEB_PORT: String(ports.web),
    },
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${out}`)), 150_000);
    const poll = setInterval(() => {
      if (out.includes("press Ctrl-C to stop")) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ child, output: () => out });
      } else if (child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`npm start exited early:\n${out}`));
      }
    }, 200);
  });
}

/** Ctrl-C, as the terminal sends it to the foreground process group. */
function interrupt(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.once("exit", (code) => resolve(code));
    if (started.child.pid) process.kill(-started.child.pid, "SIGINT");
  });
}

const answers = async (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

describe("npm start, then npm run verify", () => {
  beforeAll(async () => {
    await admin(`create database "${database}"`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    ports = { api: await freePort(), web: await freePort() };
  });
  afterAll(() => admin(`drop database if exists "${database}" with (force)`));

  let secret = "";

  it("writes both env files with one shared secret, migrates, and starts both services", async () => {
    const started = await start();
    try {
      const api = readEnvFile(join(envRoot, "apps/api/.env"));
      const web = readEnvFile(join(envRoot, "apps/web/.env.local"));
      secret = api.BETTER_AUTH_SECRET ?? "";
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(web.BETTER_AUTH_SECRET).toBe(secret);
      expect(web.BETTER_AUTH_URL).toBe(`http://localhost:${ports.web}`);
      expect(started.output()).toContain(`Web: http://localhost:${ports.web}`);
      expect(started.output()).toContain(`API: http://localhost:${ports.api}/docs`);
      expect(started.output()).toMatch(/migrations applied: 0001_better_auth/);

      const verify = await runVerify(["--env-root", envRoot, "--json"]);
      const failed = [...verify.checks.values()].filter((c) => c.status !== "pass");
      expect(failed).toEqual([]);
      expect(verify.checks.get("env.secret-aligned")?.status).toBe("pass");
    } finally {
      expect(await interrupt(started)).toBe(0);
    }
    expect(started.output()).toMatch(/\[start\] stopped/);
    // No TRUSTED_IP_HEADERS/TRUSTED_PROXIES here: one line says the rate limit trusts a client-settable header.
    expect(started.output()).toMatch(/trust the client-settable X-Forwarded-For; set TRUSTED_IP_HEADERS/);
    expect(await answers(`http://127.0.0.1:${ports.api}/health`)).toBe(false);
    expect(await answers(`http://127.0.0.1:${ports.web}/api/health`)).toBe(false);
  });

  it("a second start reuses the secret and the schema", async () => {
    const started = await start();
    try {
      expect(readEnvFile(join(envRoot, "apps/api/.env")).BETTER_AUTH_SECRET).toBe(secret);
      expect(readEnvFile(join(envRoot, "apps/web/.env.local")).BETTER_AUTH_SECRET).toBe(secret);
      expect(started.output()).toContain("database schema is up to date");
    } finally {
      expect(await interrupt(started)).toBe(0);
    }
  });
});
