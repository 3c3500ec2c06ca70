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

const child = spawn(`${root}node_modules/.bin/tsx`, [`${root}scripts/start-services.ts`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
// Ctrl-C reaches the whole process group; a SIGTERM sent to us alone is passed on.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
