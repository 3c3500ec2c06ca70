import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../packages/db/src/free-port.ts";
import { stopProcess, waitForHttp } from "../lib/processes.ts";
import type { FloorRoute } from "./floor-server.ts";
import type { LoadSpec } from "./http-load.ts";
import { cpuMs, processTree } from "./process-tree.ts";

// Hop-by-hop and per-answer headers Node's server writes itself.
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

/** Sends `spec` once to the real API and keeps its answer, to be served by the floor. */
export async function recordAnswer(spec: Omit<LoadSpec, "connections" | "seconds">): Promise<FloorRoute> {
  const url = new URL(spec.url);
  // No compression asked, as autocannon asks none: the floor sends the bytes the load gets.
  const headers0 = { ...spec.headers, "accept-encoding": "identity" };
  const res = await fetch(url, { method: spec.method, headers: headers0, body: spec.body });
  const body = await res.text();
  if (res.status !== spec.expectStatus) throw new Error(`${spec.method} ${url.pathname}: ${res.status} ${body}`);
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!OWN_HEADERS.has(name)) headers[name] = value;
  });
  return { method: spec.method, path: url.pathname + url.search, status: res.status, headers, body };
}

export interface Floor {
  origin: string;
  cpuMs: () => number;
  stop: () => Promise<void>;
}

/**
 * Starts scripts/bench/floor-server.ts with `workers` workers serving `routes`; with
 * `lean`, routes that carry their queries run them through that driver (the lean ceilings).
 */
export async function startFloor(
  root: string,
  routes: FloorRoute[],
  workers: number,
  lean?: { databaseUrl: string; driver: "pg" | "postgres" },
): Promise<Floor> {
  const dir = mkdtempSync(join(tmpdir(), "bench-floor-"));
  const routesFile = join(dir, "routes.json");
  writeFileSync(routesFile, JSON.stringify(routes));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/bench/floor-server.ts"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      FLOOR_WORKERS: String(workers),
      FLOOR_ROUTES_FILE: routesFile,
      ...(lean ? { DATABASE_URL: lean.databaseUrl, LEAN_DRIVER: lean.driver } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/ready`, 30_000, () => child.exitCode === null);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  const pids = processTree(child.pid ?? 0);
  return {
    origin,
    cpuMs: () => cpuMs(pids),
    stop: async () => {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
