import { type ChildProcess, spawn } from "node:child_process";

/**
 * Runs a service as a child in a process group of its own, prefixing each output
 * line with its name. The group lets us stop the service and whatever it spawned
 * (tsx's node, next-server) together, and in our order rather than all at once
 * when the terminal's Ctrl-C reaches every process.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  if (child.stdout) prefix(child.stdout, process.stdout);
  if (child.stderr) prefix(child.stderr, process.stderr);
  return child;
}

/** Polls until `url` gives an answer `accept` likes (by default any 2xx). */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  alive: () => boolean,
  accept: (res: Response) => boolean | Promise<boolean> = (res) => res.ok,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the process behind ${url} exited before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (await accept(res)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/**
 * Waits until `url` answers 200 with this run's id (`START_RUN_ID`, echoed by /health
 * and /api/health): another program on the same port never counts as our service.
 */
export function waitForRun(url: string, runId: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  return waitForHttp(url, timeoutMs, alive, async (res) => {
    if (!res.ok) return false;
    const body = (await res.json().catch(() => ({}))) as { run_id?: unknown };
    return body.run_id === runId;
  });
}

/** SIGTERM to the service's group, then SIGKILL if it has not exited within `graceMs`. */
export function stopProcess(child: ChildProcess, graceMs = 12_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // Grandchildren (tsx's node, next-server) may outlive the group leader briefly.
      signalGroup("SIGKILL");
      resolve();
    });
    signalGroup("SIGTERM");
  });
}
