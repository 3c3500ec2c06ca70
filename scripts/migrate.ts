/**
 * `npm run db:migrate`: applies the migration history to DATABASE_URL (or, when
 * it is unset, to the embedded PostgreSQL that `npm start` uses).
 */
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "../packages/db/src/embedded.ts";
import { migrate } from "../packages/db/src/migrate.ts";
import { readEnvFile } from "./lib/env-files.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const url = process.env.DATABASE_URL || readEnvFile(`${root}apps/api/.env`).DATABASE_URL;
const embedded = url ? undefined : await startEmbeddedPostgres({ stateDir: `${root}.data`, log: console.log });
try {
  const { applied } = await migrate(url ?? (embedded?.url as string));
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await embedded?.stop();
}
