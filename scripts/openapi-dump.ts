/** Prints the API's OpenAPI document as the running app serves it (for `npm run lint:openapi`). */
import { createApp } from "../apps/api/src/create-app.ts";
import { parseEnv } from "../apps/api/src/env.ts";
import type { Deps } from "../apps/api/src/lib/context.ts";
import { createLogger } from "../apps/api/src/lib/logger.ts";

const env = parseEnv({
  DATABASE_URL: "postgres://unused@127.0.0.1/unused",
  BETTER_AUTH_SECRET: "openapi-dump-only-0123456789abcdef0123",
  BETTER_AUTH_URL: "http://localhost:3000",
  API_RATE_LIMIT: "0",
});
// The document is built from the route definitions; no query ever runs.
const app = createApp({
  db: undefined as unknown as Deps["db"],
  pool: undefined as unknown as Deps["pool"],
  env,
  logger: createLogger("silent"),
});
const res = await app.request("/openapi.json");
process.stdout.write(`${JSON.stringify(await res.json(), null, 2)}\n`);
