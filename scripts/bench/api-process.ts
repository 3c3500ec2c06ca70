import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { freePort } from "../../packages/db/src/free-port.ts";
import { stopProcess, waitForHttp } from "../lib/processes.ts";

export interface ApiUnderTest {
  origin: string;
  pid: number;
  /** Resident memory of the API process now, in MiB (Linux /proc). */
  rssMiB: () => number;
  stop: () => Promise<void>;
}

/** The real API process, as `npm start` runs it, with the rate limit off (it would measure itself). */
export async function startApi(
  root: string,
  env: { databaseUrl: string; secret: string; issuer: string },
): Promise<ApiUnderTest> {
  const port = await freePort();
  const child: ChildProcess = spawn(`${root}node_modules/.bin/tsx`, ["src/server.ts"], {
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
      API_RATE_LIMIT: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/ready`, 60_000, () => child.exitCode === null);
  const pid = child.pid ?? 0;
  return {
    origin,
    pid,
    rssMiB: () => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
    },
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
