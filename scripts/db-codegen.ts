/**
 * Regenerates packages/db/src/schema.generated.ts from a freshly migrated scratch database
 * (TEST_DATABASE_URL, or the embedded PostgreSQL): the migrations are the one source of the
 * storage model. `--check` fails instead of writing when the checked-in file is stale.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { acquireTestDatabase } from "../tests/setup/database.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
export const GENERATED = "packages/db/src/schema.generated.ts";

export function runCodegen(url: string, check: boolean, stdio: "inherit" | "pipe" = "inherit"): void {
  execFileSync(
    `${root}node_modules/.bin/kysely-codegen`,
    [
      "--url",
      url,
      "--dialect",
      "postgres",
      "--date-parser",
      "string",
      "--exclude-pattern",
      "schema_migrations",
      "--out-file",
      GENERATED,
      ...(check ? ["--verify"] : []),
    ],
    { cwd: root, stdio },
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const database = await acquireTestDatabase("codegen");
  try {
    runCodegen(database.url, process.argv.includes("--check"));
  } finally {
    await database.release();
  }
}
