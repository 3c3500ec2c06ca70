import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * What a running `npm start` actually runs, for `npm run verify` to compare with
 * the env files and with what answers on the ports: `<env root>/.data/running.json`,
 * private to its owner (it may hold the embedded database's URL).
 */
export interface RunState {
  pid: number;
  runId: string;
  webUrl: string;
  apiUrl: string;
  webPort: number;
  apiPort: number;
  /** BETTER_AUTH_URL the web runs with (its public origin). */
  webOrigin: string;
  database: { source: "embedded" | "external"; where: string; embeddedUrl?: string };
}

export const runStatePath = (envRoot: string) => join(envRoot, ".data/running.json");

export function writeRunState(envRoot: string, state: RunState): void {
  const path = runStatePath(envRoot);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export function removeRunState(envRoot: string, pid: number): void {
  const state = readRunState(envRoot);
  if (state?.pid === pid) rmSync(runStatePath(envRoot), { force: true });
}

/** The state of a start that is still running (a file left by a killed start is ignored). */
export function readRunState(envRoot: string): RunState | undefined {
  const path = runStatePath(envRoot);
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as RunState;
    process.kill(state.pid, 0);
    return state;
  } catch {
    return undefined;
  }
}
