import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../../packages/db/src/free-port.ts";
import { stopProcess, waitForHttp } from "../lib/processes.ts";
import { cpuMs, processTree, rssMiB } from "./process-tree.ts";

export interface ApiUnderTest {
  origin: string;
  pid: number;
  /** Resident memory of the API's processes now (the server and its workers), in MiB. */
  rssMiB: () => number;
  /** CPU time the API's processes have used so far, in ms. */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

export interface ApiOptions {
  databaseUrl: string;
  secret: string;
  issuer: string;
  /** API_RATE_LIMIT: 0 (off) unless asked; a huge figure measures the limiter's cost without refusals. */
  rateLimit: number;
  /** API_WORKERS; undefined keeps the API's default (one per core). */
  workers?: number;
  /** Write a V8 CPU profile of every API process into this folder (written when it stops). */
  profileDir?: string;
  /** DATABASE_PREPARED_STATEMENTS (ADR 0079). */
  preparedStatements: boolean;
}

/** The real API process, as `npm start` runs it. */
export async function startApi(root: string, env: ApiOptions): Promise<ApiUnderTest> {
  const port = await freePort();
  // Node with tsx as a loader, as `npm start` runs its orchestrator: no wrapper process in between.
  const profile = env.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${env.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", ...profile, "src/server.ts"], {
    cwd: `${root}apps/api`,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: env.databaseUrl,
      BETTER_AUTH_SECRET: env.secret,
      BETTER_AUTH_URL: env.issuer,
      WEB_ORIGIN: env.issuer,
      API_RATE_LIMIT: String(env.rateLimit),
      LOG_LEVEL: "warn",
      DATABASE_PREPARED_STATEMENTS: String(env.preparedStatements),
      ...(env.workers ? { API_WORKERS: String(env.workers) } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/ready`, 60_000, () => child.exitCode === null);
  const pid = child.pid ?? 0;
  // Listed once when ready (walking /proc on every sample would steal the load generator's CPU).
  const pids = processTree(pid);
  return {
    origin,
    pid,
    rssMiB: () => rssMiB(pids),
    cpuMs: () => cpuMs(pids),
    stop: () => stopProcess(child),
  };
}

/** Samples a value every 200 ms while `work` runs and returns the highest seen. */
export async function peakDuring<T>(
  sample: () => number,
  work: () => Promise<T>,
): Promise<{ result: T; peak: number }> {
  let peak = sample();
  const timer = setInterval(() => {
    peak = Math.max(peak, sample());
  }, 200);
  try {
    return { result: await work(), peak: Math.max(peak, sample()) };
  } finally {
    clearInterval(timer);
  }
}
