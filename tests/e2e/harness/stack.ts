import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { ensureWebBuild } from "../../../scripts/lib/web-build.ts";
import { webServer } from "../../../scripts/lib/web-server.ts";
import { acquireTestDatabase } from "../../setup/database.ts";
import { freePort, type Service, startService, stopService, waitForHttp } from "./processes.ts";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const bin = (name: string) => `${repoRoot}node_modules/.bin/${name}`;

/**
 * The environment a real start would have: Vitest's own markers (TEST, VITEST…)
 * removed, because libraries such as Better Auth relax checks when they see them.
 */
export function productEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const key of Object.keys(env)) if (key === "TEST" || key.startsWith("VITEST")) delete env[key];
  return env;
}

export interface Stack {
  webUrl: string;
  apiUrl: string;
  databaseUrl: string;
  authSecret: string;
  logDir: string;
  stopApi: () => Promise<void>;
  startApi: () => Promise<void>;
  restartWeb: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * The product as a user starts it: a fresh migrated database, the API, and the
 * production build of the web (`next build` when the sources changed, then
 * `next start`), each on a free port, sharing one generated secret.
 */
export async function startStack(label: string): Promise<Stack> {
  const db = await acquireTestDatabase(label);
  const authSecret = randomBytes(36).toString("base64url"); // 48 characters
  const [webPort, apiPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const logDir = `${repoRoot}test-results/${label}-${Date.now()}`;
  const base = { ...productEnv(), NEXT_TELEMETRY_DISABLED: "1" };

  const apiEnv = {
    ...base,
    PORT: String(apiPort),
    HOST: "127.0.0.1",
    DATABASE_URL: db.url,
    BETTER_AUTH_SECRET: authSecret,
    BETTER_AUTH_URL: webUrl,
    WEB_ORIGIN: webUrl,
    // info: every request is logged, so the security suite can search real logs for leaks.
    LOG_LEVEL: "info",
  };
  const webEnv = {
    ...base,
    PORT: String(webPort),
    DATABASE_URL: db.url,
    BETTER_AUTH_SECRET: authSecret,
    BETTER_AUTH_URL: webUrl,
    API_URL: apiUrl,
  };

  let api: Service | undefined;
  let web: Service | undefined;
  let apiRuns = 0;
  const startApi = async () => {
    api = startService("api", bin("tsx"), ["apps/api/src/server.ts"], {
      cwd: repoRoot,
      env: apiEnv,
      logFile: `${logDir}/api-${++apiRuns}.log`,
    });
    await waitForHttp(`${apiUrl}/health`, api, 60_000);
  };
  const stopApi = async () => {
    if (api) await stopService(api);
  };

  let webRuns = 0;
  const startWeb = async () => {
    web = startService("web", ...webServer(repoRoot, webPort, "127.0.0.1"), {
      cwd: `${repoRoot}apps/web`,
      env: webEnv,
      logFile: `${logDir}/web-${++webRuns}.log`,
    });
    await waitForHttp(`${webUrl}/api/health`, web, 90_000);
  };
  const restartWeb = async () => {
    if (web) await stopService(web);
    await startWeb();
  };

  const stop = async () => {
    await Promise.all([web ? stopService(web) : undefined, stopApi()]);
    await db.release();
  };

  try {
    await ensureWebBuild(repoRoot, base);
    await startApi();
    await startWeb();
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, databaseUrl: db.url, authSecret, logDir, stopApi, startApi, restartWeb, stop };
}
