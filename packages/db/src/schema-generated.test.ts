import { inject, it } from "vitest";
import { runCodegen } from "../../../scripts/db-codegen.ts";

// The run's scratch database is migrated from the real history: when a migration changes
// the schema and `npm run db:codegen` was not run, kysely-codegen --verify exits non-zero.
it("schema.generated.ts matches the migrated database", () => {
  runCodegen(inject("databaseUrl"), true, "pipe");
});
