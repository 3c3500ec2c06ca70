import { existsSync } from "node:fs";
import { secretProblem } from "../../packages/contract/src/secret-rules.ts";
import { readEnvFile } from "../lib/env-files.ts";
import type { Runner } from "./runner.ts";
import { CheckFailure, type Target } from "./types.ts";

const REMOTE = "skipped: --web/--api point at another system; its env files are not on this machine";

/** Env files of both services: present, and agreeing on what must be identical. */
export async function configChecks(run: Runner, target: Target): Promise<void> {
  const apiFile = `${target.rootDir}apps/api/.env`;
  const webFile = `${target.rootDir}apps/web/.env.local`;
  const api = readEnvFile(apiFile);
  const web = readEnvFile(webFile);
  const skipWhen = target.local ? undefined : REMOTE;

  await run.check(
    "env.files",
    "both env files are present",
    () => {
      const missing = [apiFile, webFile].filter((f) => !existsSync(f));
      if (missing.length)
        throw new CheckFailure(`missing ${missing.join(" and ")}`, "run `npm start` once, or copy each .env.example");
      return "apps/api/.env and apps/web/.env.local found";
    },
    { skipWhen },
  );

  await run.check(
    "env.secret-aligned",
    "BETTER_AUTH_SECRET is identical in both",
    () => {
      if (!api.BETTER_AUTH_SECRET || !web.BETTER_AUTH_SECRET) {
        throw new CheckFailure(
          `BETTER_AUTH_SECRET is missing from ${!api.BETTER_AUTH_SECRET ? "apps/api/.env" : "apps/web/.env.local"}`,
          "set the same value in both files",
        );
      }
      if (api.BETTER_AUTH_SECRET !== web.BETTER_AUTH_SECRET) {
        throw new CheckFailure(
          "BETTER_AUTH_SECRET differs between apps/api/.env and apps/web/.env.local: the API will refuse every token the web issues",
          "copy the web's BETTER_AUTH_SECRET into apps/api/.env and restart the API",
        );
      }
      return "same value in both files (not shown)";
    },
    { needs: ["env.files"], skipWhen },
  );

  await run.check(
    "env.secret-strength",
    "the secret is long and not a placeholder",
    () => {
      const secret = web.BETTER_AUTH_SECRET ?? "";
      const problem = secretProblem(secret);
      if (problem) throw new CheckFailure(`BETTER_AUTH_SECRET ${problem}`, "set a new random secret in both files");
      return `${secret.length} characters, not a placeholder`;
    },
    { needs: ["env.secret-aligned"], skipWhen },
  );

  await run.check(
    "env.database-aligned",
    "DATABASE_URL is the same for both (or unset in both: embedded)",
    () => {
      if ((api.DATABASE_URL ?? "") !== (web.DATABASE_URL ?? "")) {
        throw new CheckFailure(
          "DATABASE_URL differs between apps/api/.env and apps/web/.env.local: tasks would point at users in another database",
          "use one DATABASE_URL in both files",
        );
      }
      return api.DATABASE_URL
        ? "same DATABASE_URL in both files"
        : "unset in both: npm start would use its embedded PostgreSQL (db.source checks what the services really use)";
    },
    { needs: ["env.files"], skipWhen },
  );

  await run.check(
    "env.issuer-aligned",
    "BETTER_AUTH_URL (the JWT issuer) is the same for both and is the web's URL",
    () => {
      if (api.BETTER_AUTH_URL !== web.BETTER_AUTH_URL) {
        throw new CheckFailure(
          `BETTER_AUTH_URL is ${web.BETTER_AUTH_URL ?? "unset"} for the web but ${api.BETTER_AUTH_URL ?? "unset"} for the API: the API would refuse the tokens' issuer`,
          "set the web's public origin in both files",
        );
      }
      if (web.BETTER_AUTH_URL && new URL(web.BETTER_AUTH_URL).origin !== new URL(target.webUrl).origin) {
        throw new CheckFailure(
          `BETTER_AUTH_URL is ${web.BETTER_AUTH_URL} but the web is checked at ${target.webUrl}`,
          "pass --web or fix BETTER_AUTH_URL",
        );
      }
      return `issuer ${web.BETTER_AUTH_URL}`;
    },
    { needs: ["env.files"], skipWhen },
  );

  await run.check(
    "env.api-url",
    "the web's API_URL is the API being verified",
    () => {
      const configured = web.API_URL || web.NEXT_PUBLIC_API_URL;
      if (!configured)
        throw new CheckFailure(
          "apps/web/.env.local sets neither API_URL nor NEXT_PUBLIC_API_URL",
          "set API_URL=http://localhost:8000",
        );
      if (new URL(configured).origin !== new URL(target.apiUrl).origin) {
        throw new CheckFailure(
          `the web sends browsers to ${configured} but the API is at ${target.apiUrl}`,
          "fix API_URL in apps/web/.env.local",
        );
      }
      return `browsers are sent to ${configured}`;
    },
    { needs: ["env.files"], skipWhen },
  );
}
