/**
 * `npm run bench`: the API against what PostgreSQL itself can do, in one run.
 *
 * Starts a scratch database (BENCH_DATABASE_URL's server, else the embedded one),
 * seeds it, starts the real API process, then for every endpoint alternates an
 * HTTP load (autocannon) with pgbench replaying the very SQL that endpoint runs,
 * for several rounds, so both sides meet the same machine noise. Also compares a
 * user's first page at 100 and at 100,000 tasks, and watches the API's memory.
 * A benchmark, not a test: it prints figures and asserts no threshold.
 *
 *   npm run bench [-- --rounds 3 --seconds 5 --connections 32 --json --smoke]
 *                    [--only list] [--workers N] [--rate-limit N] [--profile DIR]
 *                    [--prepared-statements false]
 *
 * --only runs the endpoints whose name contains the word; --workers sets API_WORKERS;
 * --rate-limit sets API_RATE_LIMIT (default 0: off; 1000000 measures the limiter without
 * refusals); --prepared-statements false runs the API with DATABASE_PREPARED_STATEMENTS=false and
 * pgbench with -M extended instead of -M prepared (ADR 0079); --profile writes a CPU profile of the API into DIR and prints its hottest functions.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { acquireTestDatabase } from "../tests/setup/database.ts";
import { peakDuring, startApi } from "./bench/api-process.ts";
import { captureSql } from "./bench/capture-sql.ts";
import { hottestFunctions } from "./bench/cpu-profile.ts";
import { ENDPOINTS } from "./bench/endpoints.ts";
import { type Floor, recordAnswer, startFloor } from "./bench/floor.ts";
import type { FloorRoute } from "./bench/floor-server.ts";
import { httpLoad, type LoadResult } from "./bench/http-load.ts";
import { pgbench } from "./bench/pgbench.ts";
import { printReport, type Report } from "./bench/report.ts";
import { seedUser } from "./bench/seed.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "32" },
    "large-tasks": { type: "string", default: "100000" },
    json: { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    only: { type: "string" },
    workers: { type: "string" },
    "rate-limit": { type: "string", default: "0" },
    profile: { type: "string" },
    "prepared-statements": { type: "string", default: "true" },
  },
});
// --smoke: every moving part once, in seconds (what CI runs); the figures mean nothing.
const rounds = args.smoke ? 1 : Number(args.rounds);
const seconds = args.smoke ? 1 : Number(args.seconds);
const connections = args.smoke ? 4 : Number(args.connections);
const largeTasks = args.smoke ? 2_000 : Number(args["large-tasks"]);
const endpoints = ENDPOINTS.filter((e) => !args.only || e.name.includes(args.only));
const profileDir = args.profile ? resolve(args.profile) : undefined;
if (!["true", "false"].includes(args["prepared-statements"])) throw new Error("--prepared-statements is true or false");
const preparedStatements = args["prepared-statements"] === "true";
// pgbench speaks the API's protocol: both prepare, or neither does.
const protocol = preparedStatements ? "prepared" : "extended";
const say = (line: string) => (args.json ? process.stderr : process.stdout).write(`[bench] ${line}\n`);

// With --json stdout carries the JSON alone: the shared test-database helper's lines go to stderr.
if (args.json) console.log = (...line: unknown[]) => console.error(...line);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const database = await acquireTestDatabase("bench");
const secret = randomBytes(36).toString("base64url");
const issuer = "http://localhost:3000";
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
let api: Awaited<ReturnType<typeof startApi>> | undefined;
let stopCeilings: (() => Promise<unknown>) | undefined;

try {
  say(`seeding (readers with 20, 100 and ${largeTasks} tasks)…`);
  const seed = (tasks: number) => seedUser(pool, { tasks, secret, issuer });
  const users = {
    reader: await seed(20),
    writer: await seed(20),
    small: await seed(100),
    large: await seed(largeTasks),
  };
  await pool.query("analyze");
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  api = await startApi(root, {
    databaseUrl: database.url,
    secret,
    issuer,
    rateLimit: Number(args["rate-limit"]),
    workers: args.workers ? Number(args.workers) : undefined,
    profileDir,
    preparedStatements,
  });
  say(`DATABASE_PREPARED_STATEMENTS=${preparedStatements}; pgbench -M ${protocol}`);
  const rss = { idle: api.rssMiB(), peak: 0, end: 0 };
  // Two ceilings, loaded right after the API and pgbench in every round (ADR 0080): the floor
  // (Node's own server answering each endpoint's recorded answer, nothing else to do) and lean
  // (the endpoint's own SQL through node-postgres, rows as JSON, no framework), same workers.
  const routes: FloorRoute[] = [];
  const leanRoutes: FloorRoute[] = [];
  for (const endpoint of endpoints) {
    const route = await recordAnswer(endpoint.http(api.origin, users[endpoint.user]));
    routes.push(route);
    const queries = await captureSql(database.url, (db) => endpoint.service(db, users[endpoint.user]));
    leanRoutes.push({ ...route, queries });
  }
  const workers = args.workers ? Number(args.workers) : availableParallelism();
  const ceilings = {
    floor: await startFloor(root, routes, workers),
    lean: await startFloor(root, leanRoutes, workers, { databaseUrl: database.url, driver: "pg" }),
    leanPostgresJs: await startFloor(root, leanRoutes, workers, { databaseUrl: database.url, driver: "postgres" }),
  };
  stopCeilings = () => Promise.all(Object.values(ceilings).map((c) => c.stop()));
  const started = new Date();

  const perEndpoint = new Map<
    string,
    {
      api: LoadResult[];
      db: LoadResult[];
      floor: LoadResult[];
      lean: LoadResult[];
      leanPostgresJs: LoadResult[];
      rssPeak: number;
    }
  >();
  const page = { small: [] as LoadResult[], large: [] as LoadResult[] };
  for (let round = 1; round <= rounds; round++) {
    for (const endpoint of endpoints) {
      const user = users[endpoint.user];
      const spec = { ...endpoint.http(api.origin, user), connections, seconds };
      if (round === 1) await httpLoad({ ...spec, seconds: 1 }); // warm-up: JIT, pool, plans
      const cpuBefore = api.cpuMs();
      const { result: apiResult, peak } = await peakDuring(api.rssMiB, () => httpLoad(spec));
      apiResult.cpuMsPerRequest = (api.cpuMs() - cpuBefore) / Math.max(1, apiResult.requests);
      rss.peak = Math.max(rss.peak, peak);
      const queries = await captureSql(database.url, (db) => endpoint.service(db, user));
      const dbResult = await pgbench(database.url, queries, { clients: connections, seconds, protocol });
      const entry = perEndpoint.get(endpoint.name) ?? {
        api: [],
        db: [],
        floor: [],
        lean: [],
        leanPostgresJs: [],
        rssPeak: 0,
      };
      for (const [name, server] of Object.entries(ceilings) as [keyof typeof ceilings, Floor][]) {
        const ceilingSpec = { ...endpoint.http(server.origin, user), connections, seconds };
        if (round === 1) await httpLoad({ ...ceilingSpec, seconds: 1 });
        const before = server.cpuMs();
        const result = await httpLoad(ceilingSpec);
        result.cpuMsPerRequest = (server.cpuMs() - before) / Math.max(1, result.requests);
        entry[name].push(result);
      }
      entry.rssPeak = Math.max(entry.rssPeak, peak);
      entry.api.push(apiResult);
      entry.db.push(dbResult);
      perEndpoint.set(endpoint.name, entry);
      say(
        `round ${round} ${endpoint.name}: API ${Math.round(apiResult.rps)}/s ` +
          `(${apiResult.cpuMsPerRequest?.toFixed(2)} ms CPU each), pgbench ${Math.round(dbResult.rps)}/s, ` +
          `floor ${Math.round(entry.floor.at(-1)?.rps ?? 0)}/s, lean ${Math.round(entry.lean.at(-1)?.rps ?? 0)}/s ` +
          `(postgres.js ${Math.round(entry.leanPostgresJs.at(-1)?.rps ?? 0)}/s)`,
      );
    }
    // One connection each, alternating: the first page's latency at two sizes.
    for (const size of ["small", "large"] as const) {
      const u = users[size];
      page[size].push(
        await httpLoad({
          url: `${api.origin}/api/${u.id}/tasks`,
          method: "GET",
          headers: { authorization: `Bearer ${u.token}` },
          expectStatus: 200,
          connections: 1,
          seconds,
        }),
      );
    }
  }
  rss.end = api.rssMiB();

  const report: Report = {
    date: started.toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    settings: {
      rounds,
      seconds,
      connections,
      largeTasks,
      database: process.env.TEST_DATABASE_URL ? "server" : "embedded",
      workers: args.workers ? Number(args.workers) : "default",
      rateLimit: Number(args["rate-limit"]),
      preparedStatements,
      load: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    endpoints: [...perEndpoint].map(([name, r]) => ({
      name,
      api: r.api,
      pgbench: r.db,
      floor: r.floor,
      lean: r.lean,
      leanPostgresJs: r.leanPostgresJs,
      rssPeakMiB: r.rssPeak,
    })),
    firstPage: { smallTasks: 100, largeTasks, small: page.small, large: page.large },
    rssMiB: rss,
  };
  if (args.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  const bad = report.endpoints
    .flatMap((e) => [...e.api, ...e.pgbench, ...e.floor, ...e.lean, ...e.leanPostgresJs])
    .reduce((n, r) => n + r.bad, 0);
  if (bad > 0) {
    say(`${bad} requests failed or answered an unexpected status: the figures above are not trustworthy`);
    process.exitCode = 1;
  }
} finally {
  await stopCeilings?.();
  await api?.stop();
  await pool.end();
  await database.release();
}
if (profileDir) {
  const { file, busyMs, functions } = hottestFunctions(profileDir);
  say(`CPU profile ${file}: ${busyMs} ms busy; top self time:`);
  for (const f of functions)
    say(`${f.percent.toFixed(1).padStart(5)}%  ${f.selfMs.toString().padStart(6)} ms  ${f.name}  ${f.where}`);
}
