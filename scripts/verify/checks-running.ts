import { readEnvFile } from "../lib/env-files.ts";
import { readRunState } from "../lib/run-state.ts";
import { request } from "./http.ts";
import type { Runner } from "./runner.ts";
import { CheckFailure, type Target } from "./types.ts";

const REMOTE = "skipped: --web/--api point at another system; npm start's state is not on this machine";
const port = (url: string | undefined) => {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
  } catch {
    return undefined;
  }
};

/**
 * When `npm start` runs from this checkout (its .data/running.json), the env files
 * and the addresses being verified must be what it runs: otherwise a check could
 * pass against another copy, or a browser be sent to one.
 */
export async function runningChecks(run: Runner, target: Target): Promise<void> {
  const state = target.local ? readRunState(target.rootDir) : undefined;
  const skipWhen = !target.local
    ? REMOTE
    : state
      ? undefined
      : "skipped: npm start is not running from this checkout (no live .data/running.json)";

  await run.check(
    "env.matches-running",
    "the env files and the verified addresses match what npm start runs",
    () => {
      if (!state) throw new CheckFailure("no state");
      const api = readEnvFile(`${target.rootDir}apps/api/.env`);
      const web = readEnvFile(`${target.rootDir}apps/web/.env.local`);
      const problems: string[] = [];
      const expect = (what: string, actual: string | number | undefined, wanted: string | number) => {
        if (String(actual ?? "unset") !== String(wanted))
          problems.push(`${what} is ${actual ?? "unset"}, not ${wanted}`);
      };
      expect("PORT in apps/api/.env", api.PORT, state.apiPort);
      expect("PORT in apps/web/.env.local", web.PORT, state.webPort);
      expect("the port of API_URL in apps/web/.env.local", port(web.API_URL || web.NEXT_PUBLIC_API_URL), state.apiPort);
      expect("BETTER_AUTH_URL in apps/web/.env.local", web.BETTER_AUTH_URL, state.webOrigin);
      expect("BETTER_AUTH_URL in apps/api/.env", api.BETTER_AUTH_URL, state.webOrigin);
      expect("the port of the web being verified", port(target.webUrl), state.webPort);
      expect("the port of the API being verified", port(target.apiUrl), state.apiPort);
      if (problems.length) {
        throw new CheckFailure(
          `npm start runs the web on port ${state.webPort} and the API on port ${state.apiPort}, but ${problems.join("; ")}`,
          "restart with npm start (it rewrites the env files for the ports it uses), or pass --web/--api",
        );
      }
      return `web on ${state.webPort}, API on ${state.apiPort}, as both env files say`;
    },
    { skipWhen },
  );

  await run.check(
    "start.own-services",
    "what answers at those addresses is the web and API npm start started",
    async () => {
      if (!state) throw new CheckFailure("no state");
      for (const [name, url] of [
        ["API", `${target.apiUrl}/health`],
        ["web", `${target.webUrl}/api/health`],
      ] as const) {
        const res = await request(url);
        const body = (await res.json().catch(() => ({}))) as { run_id?: string };
        if (body.run_id !== state.runId) {
          throw new CheckFailure(
            `the ${name} answering at ${url} is not the one npm start started (its run id differs): another program or copy answers there`,
            `stop the other program, or verify npm start's own: --web ${state.webUrl} --api ${state.apiUrl}`,
          );
        }
      }
      return `both answer with npm start's run id (pid ${state.pid})`;
    },
    { skipWhen, needs: ["env.matches-running"] },
  );
}
