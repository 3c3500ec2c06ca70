import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts", "packages/**/*.test.ts"],
          globalSetup: ["tests/setup/api-global.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
