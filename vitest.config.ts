import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // Integration tests through the real HTTP app against a real PostgreSQL.
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts", "packages/**/*.test.ts", "scripts/**/*.test.ts"],
          globalSetup: ["tests/setup/api-global.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      // Unit tests of the web's pure modules.
      "apps/web/vitest.config.ts",
      {
        // The product started as a user starts it, driven by Chromium and by HTTP:
        // browser flows, the security suite and `npm run verify`.
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts", "tests/security/**/*.test.ts", "tests/verify/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          // Polls wait for what a person waits for (a refetch after a change); on a loaded
          // 2-core machine that can take seconds, and the default of 1 s made them flaky.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
