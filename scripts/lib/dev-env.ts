import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readEnvFile, upsertEnvFile } from "./env-files.ts";
import { ExitCode, StartError } from "./start-errors.ts";

export interface EnvPaths {
  api: string;
  web: string;
}

export interface EnvChange {
  file: "api" | "web";
  key: string;
  from: string | undefined;
  to: string;
}

const HEADER = (service: string) =>
  `# ${service} settings for local development, written by \`npm start\`.\n# Not committed: it holds the shared secret. See .env.example for every variable.\n`;

/** An http origin on this machine: one that follows the ports `npm start` uses. */
export function isLocalOrigin(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

/** A database URL as host:port/database, never with its password. */
export function describeDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "(an unparsable URL)";
  }
}

/**
 * Development env files that agree with what is about to run. The one secret is
 * generated once and written to both files. Local origins follow the chosen ports
 * (PORT, BETTER_AUTH_URL, WEB_ORIGIN, API_URL), so a start on other ports leaves no
 * file pointing at the old ones; an origin a person set to a non-local address is
 * kept. A `databaseUrl` given (from the environment) is saved in both files, so a
 * later start from another shell uses the same database.
 */
export function ensureDevEnvFiles(
  paths: EnvPaths,
  ports: { web: number; api: number },
  options: { databaseUrl?: string } = {},
): { created: boolean; changes: EnvChange[] } {
  const api = readEnvFile(paths.api);
  const web = readEnvFile(paths.web);
  if (api.BETTER_AUTH_SECRET && web.BETTER_AUTH_SECRET && api.BETTER_AUTH_SECRET !== web.BETTER_AUTH_SECRET) {
    throw new StartError(
      `BETTER_AUTH_SECRET differs between ${paths.api} and ${paths.web}: tokens from the web would be refused by the API`,
      ExitCode.config,
      { fix: "make them identical (or delete both lines to get a fresh shared one)" },
    );
  }
  const secret = api.BETTER_AUTH_SECRET || web.BETTER_AUTH_SECRET || randomBytes(36).toString("base64url");
  const localWeb = `http://localhost:${ports.web}`;
  const localApi = `http://localhost:${ports.api}`;
  const configuredOrigin = web.BETTER_AUTH_URL || api.BETTER_AUTH_URL;
  const webOrigin = configuredOrigin && !isLocalOrigin(configuredOrigin) ? configuredOrigin : localWeb;
  const created = !existsSync(paths.api) || !existsSync(paths.web);
  const changes: EnvChange[] = [];

  /** Missing keys are filled; keys in `follow` are also replaced when they hold a local origin. */
  const update = (
    file: "api" | "web",
    current: Record<string, string>,
    wanted: Record<string, string | undefined>,
    follow: string[],
  ) => {
    const out: Record<string, string> = {};
    for (const [key, to] of Object.entries(wanted)) {
      const from = current[key] || undefined;
      if (to === undefined || from === to) continue;
      if (
        from === undefined ||
        key === "PORT" ||
        key === "DATABASE_URL" ||
        (follow.includes(key) && isLocalOrigin(from))
      ) {
        out[key] = to;
        if (from !== undefined) changes.push({ file, key, from, to });
      }
    }
    return out;
  };

  upsertEnvFile(
    paths.api,
    update(
      "api",
      api,
      {
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: webOrigin,
        WEB_ORIGIN: webOrigin,
        PORT: String(ports.api),
        DATABASE_URL: options.databaseUrl,
      },
      ["BETTER_AUTH_URL", "WEB_ORIGIN"],
    ),
    HEADER("API"),
  );
  upsertEnvFile(
    paths.web,
    update(
      "web",
      web,
      {
        BETTER_AUTH_SECRET: secret,
        BETTER_AUTH_URL: webOrigin,
        API_URL: web.API_URL || !web.NEXT_PUBLIC_API_URL ? localApi : undefined,
        NEXT_PUBLIC_API_URL: web.NEXT_PUBLIC_API_URL ? localApi : undefined,
        PORT: String(ports.web),
        DATABASE_URL: options.databaseUrl,
      },
      ["BETTER_AUTH_URL", "API_URL", "NEXT_PUBLIC_API_URL"],
    ),
    HEADER("Web"),
  );
  return { created, changes };
}
