import type { LoadResult } from "./http-load.ts";

export interface Report {
  date: string;
  machine: { cpus: number; node: string };
  settings: {
    rounds: number;
    seconds: number;
    connections: number;
    largeTasks: number;
    database: string;
    workers: number | "default";
    rateLimit: number;
    /** DATABASE_PREPARED_STATEMENTS, and so pgbench's -M: prepared when true, extended when false. */
    preparedStatements: boolean;
    /** 1, 5 and 15 minute load averages when the run ended: how busy the machine was. */
    load: number[];
  };
  endpoints: {
    name: string;
    api: LoadResult[];
    pgbench: LoadResult[];
    /** Node's own HTTP server answering the API's recorded answer and nothing else (ADR 0080). */
    floor: LoadResult[];
    /** The endpoint's own SQL through node-postgres behind Node's HTTP server, no framework (ADR 0080). */
    lean: LoadResult[];
    /** The same as `lean` through postgres.js instead of node-postgres (ADR 0080). */
    leanPostgresJs: LoadResult[];
    rssPeakMiB: number;
  }[];
  firstPage: { smallTasks: number; largeTasks: number; small: LoadResult[]; large: LoadResult[] };
  rssMiB: { idle: number; peak: number; end: number };
}

/** The median over rounds: one noisy round (another process woke up) does not move it. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
const pad = (s: string, n: number) => s.padStart(n);

type Summary = { rps: number; p50: number; p99: number; cpu: number };
const summary = (results: LoadResult[]): Summary => ({
  rps: median(results.map((x) => x.rps)),
  p50: median(results.map((x) => x.p50)),
  p99: median(results.map((x) => x.p99)),
  cpu: median(results.map((x) => x.cpuMsPerRequest ?? Number.NaN)),
});

export function printReport(r: Report): void {
  const { settings: s } = r;
  console.log(
    `\n${r.date.slice(0, 10)} · ${r.machine.cpus} CPUs · Node ${r.machine.node} · ${s.database} PostgreSQL · ` +
      `${s.rounds} rounds × ${s.seconds} s · ${s.connections} connections (medians over rounds)\n` +
      `API_WORKERS ${s.workers} · API_RATE_LIMIT ${s.rateLimit} · ` +
      `DATABASE_PREPARED_STATEMENTS ${s.preparedStatements} (pgbench -M ${s.preparedStatements ? "prepared" : "extended"}) · load average ${s.load.join(", ")}\n`,
  );
  const head = [
    "endpoint",
    "API req/s",
    "p50 ms",
    "p99 ms",
    "pgbench tx/s",
    "p50 ms",
    "p99 ms",
    "API/pgbench",
    "CPU ms/req",
    "RSS MiB",
  ];
  const widths = [20, 10, 7, 7, 13, 7, 7, 12, 11, 8];
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(widths[0] ?? 0) : pad(h, widths[i] ?? 0))).join(" "));
  for (const e of r.endpoints) {
    const a = summary(e.api);
    const d = summary(e.pgbench);
    const cells = [
      fmt(a.rps),
      fmt(a.p50, 1),
      fmt(a.p99, 1),
      fmt(d.rps),
      fmt(d.p50, 2),
      fmt(d.p99, 2),
      `${fmt((100 * a.rps) / d.rps, 1)}%`,
      fmt(a.cpu, 2),
      fmt(e.rssPeakMiB),
    ];
    console.log([e.name.padEnd(widths[0] ?? 0), ...cells.map((c, i) => pad(c, widths[i + 1] ?? 0))].join(" "));
  }
  printCeilings(r);
  const small = median(r.firstPage.small.map((x) => x.p50));
  const large = median(r.firstPage.large.map((x) => x.p50));
  console.log(
    `\nfirst page, one connection: p50 ${fmt(small, 1)} ms at ${fmt(r.firstPage.smallTasks)} tasks, ` +
      `${fmt(large, 1)} ms at ${fmt(r.firstPage.largeTasks)} tasks: ${fmt(large / small, 2)}×`,
  );
  console.log(
    `API memory (RSS): ${r.rssMiB.idle} MiB idle, ${r.rssMiB.peak} MiB peak under load, ${r.rssMiB.end} MiB at the end\n`,
  );
}

/** The ceilings of ADR 0080 beside the API, same endpoints, same run. */
function printCeilings(r: Report): void {
  console.log(
    "\nceilings (ADR 0080), Node's own http server with the API's workers. floor: the API's recorded answer and\n" +
      "nothing else. lean: the endpoint's own SQL (prepared), rows as JSON, no framework, through node-postgres\n" +
      "(the API's driver) and through postgres.js (pipelining). Ratios: of pgbench, and the API's of lean pg.\n",
  );
  const head = [
    "endpoint",
    "floor req/s",
    "p99 ms",
    "lean pg req/s",
    "p50 ms",
    "p99 ms",
    "CPU ms/req",
    "of pgbench",
    "postgres.js",
    "p50 ms",
    "p99 ms",
    "of pgbench",
    "API/lean pg",
  ];
  const widths = [20, 12, 7, 14, 7, 7, 11, 11, 12, 7, 7, 11, 12];
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(widths[0] ?? 0) : pad(h, widths[i] ?? 0))).join(" "));
  for (const e of r.endpoints) {
    const [a, d, f, l, j] = [e.api, e.pgbench, e.floor, e.lean, e.leanPostgresJs].map(summary) as [
      Summary,
      Summary,
      Summary,
      Summary,
      Summary,
    ];
    const cells = [
      fmt(f.rps),
      fmt(f.p99, 1),
      fmt(l.rps),
      fmt(l.p50, 1),
      fmt(l.p99, 1),
      fmt(l.cpu, 2),
      `${fmt((100 * l.rps) / d.rps, 1)}%`,
      fmt(j.rps),
      fmt(j.p50, 1),
      fmt(j.p99, 1),
      `${fmt((100 * j.rps) / d.rps, 1)}%`,
      `${fmt((100 * a.rps) / l.rps, 1)}%`,
    ];
    console.log([e.name.padEnd(widths[0] ?? 0), ...cells.map((c, i) => pad(c, widths[i + 1] ?? 0))].join(" "));
  }
}
