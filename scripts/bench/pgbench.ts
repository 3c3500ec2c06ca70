import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CapturedQuery } from "./capture-sql.ts";
import type { LoadResult } from "./http-load.ts";

const asText = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString();
  // node-postgres sends a JS array as a PostgreSQL array literal; pgbench needs that text.
  if (Array.isArray(value)) return `{${value.map((v) => `"${asText(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return String(value);
};

/**
 * pgbench reads every `:word` as a variable, even inside a string literal (a to_char format
 * such as 'HH24:MI:SS'). Such a literal is written as the identical escape string instead,
 * with its colons as \x3a: the same constant for PostgreSQL, invisible to pgbench.
 */
const hideColonsInLiterals = (sql: string) =>
  sql.replace(
    /(?<![Ee])'((?:[^']|'')*:(?:[^']|'')*)'/g,
    (_, body: string) => `E'${body.replaceAll("\\", "\\\\").replaceAll(":", "\\x3a")}'`,
  );

/**
 * The captured statements as a pgbench script: `$n` placeholders become pgbench
 * variables, sent as bound parameters the way the API sends them (see `Protocol`).
 */
export function toPgbenchScript(queries: CapturedQuery[]): { script: string; defines: string[] } {
  const defines: string[] = [];
  const statements = queries.map((q, i) => {
    for (const [j, value] of q.parameters.entries()) {
      if (value !== null && value !== undefined) defines.push(`-Dq${i}p${j + 1}=${asText(value)}`);
    }
    // pgbench variables cannot be NULL: a NULL parameter is written as the literal.
    const sql = hideColonsInLiterals(q.sql).replace(/\$(\d+)/g, (_, n: string) => {
      const value = q.parameters[Number(n) - 1];
      return value === null || value === undefined ? "NULL" : `:q${i}p${n}`;
    });
    return `${sql};`;
  });
  return { script: `${statements.join("\n")}\n`, defines };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) : 0;

/**
 * How pgbench sends each statement, matching the API so the ratio compares like with like:
 * `prepared` (named statements parsed once per connection) while the API prepares its repeated
 * queries, `extended` (unnamed: parse, plan, bind, execute on every call) when
 * DATABASE_PREPARED_STATEMENTS=false (ADR 0079).
 */
export type Protocol = "prepared" | "extended";

/** One pgbench run of the script; per-transaction latencies come from its log files. */
export async function pgbench(
  connectionString: string,
  queries: CapturedQuery[],
  { clients, seconds, protocol }: { clients: number; seconds: number; protocol: Protocol },
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "todo-pgbench-"));
  try {
    const { script, defines } = toPgbenchScript(queries);
    writeFileSync(join(dir, "script.sql"), script);
    const args = [
      "-n", // no vacuum of pgbench's own tables: we have none
      "-M",
      protocol,
      "-c",
      String(clients),
      "-j",
      "2",
      "-T",
      String(seconds),
      "-f",
      join(dir, "script.sql"),
      "--log",
      `--log-prefix=${join(dir, "tx")}`,
      ...defines,
      connectionString,
    ];
    const output = await run("pgbench", args);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? Number.NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
    const latencies: number[] = [];
    for (const file of readdirSync(dir).filter((f) => f.startsWith("tx"))) {
      for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
        const micros = Number(line.split(" ")[2]);
        if (Number.isFinite(micros)) latencies.push(micros / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      rps: tps,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      requests: latencies.length,
      bad: failed,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.once("error", (error) =>
      reject(new Error(`${command} could not start (${error.message}); install postgresql-client`)),
    );
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${out}`))));
  });
}
