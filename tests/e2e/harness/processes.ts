import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";
import { stopProcess } from "../../../scripts/lib/processes.ts";

/** A port the OS says is free right now (ports 3000/8000 may be taken by manual runs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

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

/** Polls until `url` answers with a status `accept` likes (by default any 2xx). */
export async function waitForHttp(
  url: string,
  service: Service,
  timeoutMs = 90_000,
  accept: (status: number) => boolean = (status) => status >= 200 && status < 300,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exited()) throw new Error(`${service.name} exited before ${url} answered; see ${service.logFile}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (accept(response.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s; see ${service.logFile}`);
}

/** SIGTERM to the whole group, SIGKILL if it lingers (the same stop `npm start` uses). */
export function stopService(service: Service, graceMs = 8_000): Promise<void> {
  if (service.exited()) return Promise.resolve();
  return stopProcess(service.child, graceMs);
}
