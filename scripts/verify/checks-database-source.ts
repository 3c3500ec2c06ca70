import pg from "pg";
import { describeDatabaseUrl } from "../lib/dev-env.ts";
import { readEnvFile } from "../lib/env-files.ts";
import { readRunState } from "../lib/run-state.ts";
import type { Runner } from "./runner.ts";
import { CheckFailure, type Target } from "./types.ts";

/** The identity id of the database at `url` (created once by the migrations), or undefined. */
async function identityAt(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ id: string }>(`select "id" from "database_identity"`);
    return rows[0]?.id;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Names where each service's database really is, by matching the identity each one
 * reports with the databases this machine knows of: the env files' DATABASE_URL and
 * the embedded PostgreSQL a running `npm start` uses. Never a guess from the files alone.
 */
export async function databaseSourceCheck(
  run: Runner,
  target: Target,
  ids: () => { web?: string; api?: string },
): Promise<void> {
  await run.check(
    "db.source",
    "each service's database is the one the env files (or npm start's embedded PostgreSQL) name",
    async () => {
      const fileUrl = readEnvFile(`${target.rootDir}apps/api/.env`).DATABASE_URL;
      const embeddedUrl = readRunState(target.rootDir)?.database.embeddedUrl;
      const known: { id?: string; name: string }[] = [];
      if (fileUrl) {
        known.push({
          id: await identityAt(fileUrl),
          name: `the DATABASE_URL in the env files (${describeDatabaseUrl(fileUrl)})`,
        });
      }
      if (embeddedUrl) {
        known.push({
          id: await identityAt(embeddedUrl),
          name: `npm start's embedded PostgreSQL (${describeDatabaseUrl(embeddedUrl)})`,
        });
      }
      if (!known.length) {
        return "the env files name no DATABASE_URL and no npm start runs from here: the services were given their database another way";
      }
      const sources = Object.entries(ids()).map(([service, id]) => {
        const match = known.find((k) => k.id && k.id === id);
        if (!match) {
          throw new CheckFailure(
            `the ${service === "api" ? "API" : "web"}'s database is not ${known.map((k) => k.name).join(" nor ")}: it was started with another DATABASE_URL`,
            "restart it with npm start, or put its DATABASE_URL in both env files",
          );
        }
        return `${service === "api" ? "API" : "web"}: ${match.name}`;
      });
      return sources.join("; ");
    },
    {
      needs: ["web.database", "api.database"],
      skipWhen: target.local ? undefined : "skipped: --web/--api point at another system",
    },
  );
}
