import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { freePort } from "../../../packages/db/src/free-port.ts";
import { stopProcess, waitForHttp as waitUntilAnswering } from "../../../scripts/lib/processes.ts";

// Ports 3000/8000 may be taken by manual runs: tests always ask the OS for one.
export { freePort };

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: () => boolean;
}

/**
 * Starts a service in its own process group (so npx/next and their children can
 * be stopped together), with its output in a log file under test-results/.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Service {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once("exit", () => setTimeout(() => log.end(), 100));
  return { name, child, logFile: options.logFile, exited: () => child.exitCode !== null || child.signalCode !== null };
}

/** Waits for `url` (any 2xx by default), pointing at the service's log when it fails. */
export async function waitForHttp(
  url: string,
  service: Service,
  timeoutMs = 90_000,
  accept?: (res: Response) => boolean | Promise<boolean>,
): Promise<void> {
  try {
    await waitUntilAnswering(url, timeoutMs, () => !service.exited(), accept);
  } catch (error) {
    throw new Error(`${service.name}: ${(error as Error).message}; see ${service.logFile}`);
  }
}

/** SIGTERM to the whole group, SIGKILL if it lingers (the same stop `npm start` uses). */
export function stopService(service: Service, graceMs = 8_000): Promise<void> {
  if (service.exited()) return Promise.resolve();
  return stopProcess(service.child, graceMs);
}
