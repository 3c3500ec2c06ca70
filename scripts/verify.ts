/**
 * `npm run verify`: proves a running system meets the readiness spec
 * (specs/Phase-2-full-stack-web-todo/Integration-Verification-Readiness/spec.md).
 *   npm run verify                      # local system, reading its env files
 *   npm run verify -- --web URL --api URL [--api2 URL] [--json]
 * --api2 URL: a second API instance on the same database; the live-events check listens there.
 * --env-root DIR reads DIR/apps/api/.env and DIR/apps/web/.env.local instead of this
 * checkout's (with --web/--api, file checks run only when --env-root is given).
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readEnvFile } from "./lib/env-files.ts";
import { configChecks } from "./verify/checks-config.ts";
import { flowChecks } from "./verify/checks-flow.ts";
import { runningChecks } from "./verify/checks-running.ts";
import { serviceChecks } from "./verify/checks-services.ts";
import { printJson, printText } from "./verify/report.ts";
import { Runner } from "./verify/runner.ts";

const { values } = parseArgs({
  options: {
    web: { type: "string" },
    api: { type: "string" },
    api2: { type: "string" },
    json: { type: "boolean", default: false },
    "env-root": { type: "string" },
  },
});
const envRoot = values["env-root"];
const rootDir = envRoot ? `${envRoot.replace(/\/+$/, "")}/` : fileURLToPath(new URL("../", import.meta.url));
const webEnv = readEnvFile(`${rootDir}apps/web/.env.local`);
const local = Boolean(envRoot) || (!values.web && !values.api);
const trim = (url: string) => url.replace(/\/+$/, "");
const target = {
  webUrl: trim(values.web ?? webEnv.BETTER_AUTH_URL ?? "http://localhost:3000"),
  apiUrl: trim(values.api ?? webEnv.API_URL ?? webEnv.NEXT_PUBLIC_API_URL ?? "http://localhost:8000"),
  ...(values.api2 ? { api2Url: trim(values.api2) } : {}),
  local,
  rootDir,
};

const runner = new Runner();
await configChecks(runner, target);
await runningChecks(runner, target);
await serviceChecks(runner, target);
// The flow creates (and deletes) a user: never on a program other than the one npm start runs.
const elsewhere = runner.results.some((r) => r.id === "start.own-services" && r.status === "fail");
if (!elsewhere) await flowChecks(runner, target);
(values.json ? printJson : printText)(runner.results, target);
process.exit(runner.failed ? 1 : 0);
