import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readEnvFile, upsertEnvFile } from "./env-files.ts";

export interface EnvPaths {
  api: string;
  web: string;
}

const HEADER = (service: string) =>
  `# ${service} settings for local development, written by \`npm start\`.\n# Not committed: it holds the shared secret. See .env.example for every variable.\n`;

/**
 * Development defaults for both env files. The one secret is generated once and
 * written to both files, so a second `npm start` reuses it (and existing sessions
 * and tokens stay valid). Values a person already set are never overwritten.
 */
export function ensureDevEnvFiles(paths: EnvPaths, ports: { web: number; api: number }): { created: boolean } {
  const api = readEnvFile(paths.api);
  const web = readEnvFile(paths.web);
  const existing = api.BETTER_AUTH_SECRET || web.BETTER_AUTH_SECRET;
  if (api.BETTER_AUTH_SECRET && web.BETTER_AUTH_SECRET && api.BETTER_AUTH_SECRET !== web.BETTER_AUTH_SECRET) {
    throw new Error(
      `BETTER_AUTH_SECRET differs between ${paths.api} and ${paths.web}: tokens from the web would be refused by the API. Make them identical (or delete both lines to get a fresh shared one).`,
    );
  }
  const secret = existing || randomBytes(36).toString("base64url");
  const webOrigin = web.BETTER_AUTH_URL || api.BETTER_AUTH_URL || `http://localhost:${ports.web}`;
  const created = !existsSync(paths.api) || !existsSync(paths.web);

  const fill = (current: Record<string, string>, wanted: Record<string, string>) =>
    Object.fromEntries(Object.entries(wanted).filter(([key]) => current[key] === undefined || current[key] === ""));

  upsertEnvFile(
    paths.api,
    fill(api, {
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: webOrigin,
      WEB_ORIGIN: webOrigin,
      PORT: String(ports.api),
    }),
    HEADER("API"),
  );
  upsertEnvFile(
    paths.web,
    fill(web, {
      BETTER_AUTH_SECRET: secret,
      BETTER_AUTH_URL: webOrigin,
      API_URL: `http://localhost:${ports.api}`,
      PORT: String(ports.web),
    }),
    HEADER("Web"),
  );
  return { created };
}
