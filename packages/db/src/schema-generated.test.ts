import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { inject, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

// The run's scratch database is migrated from the real history: when a migration changes
// the schema and `npm run db:codegen` was not run, kysely-codegen --verify exits non-zero.
it("schema.generated.ts matches the migrated database", () => {
  execFileSync(
    `${root}node_modules/.bin/kysely-codegen`,
    [
      "--url",
      inject("databaseUrl"),
      "--dialect",
      "postgres",
      "--date-parser",
      "string",
      "--exclude-pattern",
      "schema_migrations",
      "--out-file",
      "packages/db/src/schema.generated.ts",
      "--verify",
    ],
    { cwd: root, stdio: "pipe" },
  );
});
