import { defineConfig } from "vitest/config";

// Unit tests of the web's pure logic (token reuse, error sorting, redirects, env rules).
// Everything that needs a browser, the database or the API lives in tests/e2e.
export default defineConfig({
  test: {
    name: "web",
    root: import.meta.dirname,
    include: ["src/**/*.test.ts"],
  },
});
