#!/usr/bin/env node
// `npm start` from a fresh clone: install what is missing, then hand over to the
// TypeScript orchestrator. Plain JavaScript on purpose: it must run before any
// dependency (tsx included) is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const installed = `${root}node_modules/.package-lock.json`;
const stale =
  !existsSync(installed) || statSync(`${root}package-lock.json`).mtimeMs > statSync(installed).mtimeMs + 1000;

if (stale) {
  console.log("[start] installing dependencies (npm ci)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Node itself runs the orchestrator (tsx only as a loader): a tsx CLI in between
// would exit on Ctrl-C before the services had finished stopping. It gets a process
// group of its own, so the terminal's Ctrl-C reaches only us and we pass it on: the
// orchestrator then stops web, API and database in that order (PostgreSQL, its child,
// would otherwise get the SIGINT too and go first).
const child = spawn(
  process.execPath,
  ["--import", "tsx", `${root}scripts/start-services.ts`, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    detached: true,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
