import { type ChildProcess, spawn } from "node:child_process";

/**
 * `npm start`'s orchestrator run as a person runs it (its own process group, so a
 * Ctrl-C reaches it the way a terminal sends one), with only the environment given:
 * nothing of the test runner's leaks in.
 */
export interface StartRun {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
}

export function runStart(options: { cwd: string; env?: Record<string, string>; args?: string[] }): StartRun {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start-services.ts", ...(options.args ?? [])], {
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits until the output contains `text`; fails (with the output) if it exits or times out first. */
export function waitForOutput(run: StartRun, text: string, timeoutMs = 150_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`no "${text}" within ${timeoutMs / 1000}s:\n${run.output()}`)),
      timeoutMs,
    );
    const poll = setInterval(() => {
      if (run.output().includes(text)) done();
      else if (run.child.exitCode !== null)
        done(new Error(`npm start exited (${run.child.exitCode}) before "${text}":\n${run.output()}`));
    }, 100);
    function done(error?: Error) {
      clearInterval(poll);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    }
  });
}

/** Ctrl-C, as the terminal sends it to the foreground process group; resolves with the exit code. */
export function interrupt(run: StartRun): Promise<number | null> {
  if (run.child.exitCode === null && run.child.pid) process.kill(-run.child.pid, "SIGINT");
  return run.exited;
}
