/**
 * Lighthouse's mobile performance on /tasks with 300 tasks (issue 13: score ≥ 95).
 *
 *   npm run lighthouse                          # starts a stack (TEST_DATABASE_URL or embedded PostgreSQL)
 *   npm run lighthouse -- --web http://127.0.0.1:3000 --api http://127.0.0.1:8000   # a running stack
 *   npm run lighthouse -- --runs 3 --json       # median of 3 runs, machine-readable
 *   npm run lighthouse -- --runs 3 --check      # exit 1 when the median is under the target
 *
 * It signs a new user up, seeds 300 tasks through the API, passes the session cookie and runs
 * Lighthouse's default (mobile: simulated slow 4G, 4x CPU slowdown) performance category. A
 * measurement, not a CI gate: the score moves with the machine's load, printed beside it (the 4x
 * slowdown multiplies whatever else the cores are doing into Total Blocking Time).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
// The e2e project's declaration of what its helpers read (webUrl, apiUrl), for type checking.
import type {} from "../tests/e2e/global-setup.ts";
import { repoRoot, type Stack, startStack } from "../tests/e2e/harness/stack.ts";
import { runLighthouse, type Summary } from "./lighthouse/run.ts";
import { seedTasks } from "./lighthouse/seed.ts";

const TASKS = 300;
/** Issue 13: the mobile performance score to reach. */
const TARGET = 95;

const { values } = parseArgs({
  options: {
    web: { type: "string" },
    api: { type: "string" },
    runs: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
  },
});

/**
 * One run; Chromium now and then records a trace without its navigation start (NO_NAVSTART, which
 * Lighthouse itself says to run again for): that run is made again, up to twice.
 */
async function measure(url: string, cookie: string): Promise<Summary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouse(url, cookie, `${repoRoot}test-results`);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("NO_NAVSTART")) throw error;
      console.error(`run again: ${String(error).split("\n")[0]}`);
    }
  }
}

async function main() {
  let stack: Stack | undefined;
  if (!values.web) {
    // Seeding 300 tasks at once is not what the per-user limit is for; this stack is ours alone.
    process.env.API_RATE_LIMIT = "0";
    stack = await startStack("lighthouse");
  }
  const webUrl = values.web ?? stack?.webUrl ?? "";
  const apiUrl = values.api ?? stack?.apiUrl ?? "http://127.0.0.1:8000";
  // The e2e helpers read these when no Vitest runner provides the addresses.
  process.env.E2E_WEB_URL = webUrl;
  process.env.E2E_API_URL = apiUrl;
  try {
    const cookie = await seedTasks(TASKS);
    const runs: Summary[] = [];
    for (let i = 0; i < Number(values.runs); i++) runs.push(await measure(`${webUrl}/tasks`, cookie));
    const median = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)] as Summary;
    const load = loadavg().map((l) => l.toFixed(2));
    const met = median.score >= TARGET;
    if (values.json) {
      console.log(JSON.stringify({ tasks: TASKS, target: TARGET, met, loadavg: load, median, runs }, null, 2));
    } else {
      console.log(`Lighthouse mobile performance, /tasks with ${TASKS} tasks (${runs.length} run(s), median)`);
      console.log(
        `  score ${median.score}   target ${TARGET}: ${met ? "met" : "NOT MET"}   (runs: ${runs.map((r) => r.score).join(", ")})`,
      );
      console.log(`  FCP ${median.fcpMs} ms · LCP ${median.lcpMs} ms · TBT ${median.tbtMs} ms · CLS ${median.cls}`);
      console.log(`  Speed Index ${median.speedIndexMs} ms · DOM ${median.domNodes} nodes · JS ${median.jsKb} kB`);
      console.log(`  load average ${load.join(" ")} · report ${median.report.replace(repoRoot, "")}`);
    }
    if (values.check && !met) process.exitCode = 1;
  } finally {
    await stack?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
