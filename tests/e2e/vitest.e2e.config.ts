import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Stand-alone runner for the browser tests (`npx vitest run --config tests/e2e/vitest.e2e.config.ts`);
// the root vitest.config.ts runs the same files as its "e2e" project.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
