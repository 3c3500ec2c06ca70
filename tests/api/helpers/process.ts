import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../packages/db/src/free-port.ts";
import { TEST_ISSUER, TEST_SECRET } from "./tokens.ts";

export { freePort };

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal name when killed by one). */
  exited: Promise<number | string>;
  /** Resolves once stdout contains `text`; rejects if the process exits first or time runs out. */
  waitFor: (text: string, timeoutMs?: number) => Promise<void>;
}

/**
 * The real API process (`node --import tsx apps/api/src/server.ts`) with exactly the given environment
 * (plus PATH/HOME), so neither the caller's env nor the test runner leaks into it.
 */
export function spawnApi(env: Record<string, string>): ApiProcess {
  // Node with tsx as a loader (as npm start runs it): the tsx CLI would SIGKILL the server when
  // a loaded machine delays its acknowledgement of SIGTERM by more than 60 ms.
  const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    out += d;
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    err += d;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  const waitFor = (text: string, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (out.includes(text)) done(() => resolve());
      }, 25);
      const limit = setTimeout(
        () => done(() => reject(new Error(`timed out waiting for "${text}"; stdout: ${out} stderr: ${err}`))),
        timeoutMs,
      );
      void exited.then((code) =>
        done(() => (out.includes(text) ? resolve() : reject(new Error(`exited ${code}: ${out}${err}`)))),
      );
      function done(fn: () => void) {
        clearInterval(timer);
        clearTimeout(limit);
        fn();
      }
    });
  return { child, stdout: () => out, stderr: () => err, exited, waitFor };
}

/** The real API on a free port with the suite's secret and issuer, listening when this resolves. */
export async function startTestApi(databaseUrl: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const proc = spawnApi({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: TEST_SECRET,
    BETTER_AUTH_URL: TEST_ISSUER,
    WEB_ORIGIN: TEST_ISSUER,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    // One process unless a test asks for cluster workers (its log then interleaves theirs).
    API_WORKERS: "1",
    ...extra,
  });
  try {
    await proc.waitFor('"listening"', 60_000);
  } catch (error) {
    proc.child.kill("SIGKILL");
    throw error;
  }
  return { proc, port, origin: `http://127.0.0.1:${port}` };
}

/** The JSON log lines a process printed, parsed. */
export const logLines = (text: string): Record<string, unknown>[] =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
