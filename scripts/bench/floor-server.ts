/**
 * The bench's two ceilings (ADR 0080), Node's own `http` server with as many `node:cluster`
 * workers as the API runs, answering each endpoint's request with the status and headers the
 * real API answered it with:
 *
 * - floor: the recorded body, and nothing else (no token check, no database, no JSON work): the
 *   most any Node HTTP server serves on this machine at the same connections, sharing the cores
 *   with the same load generator;
 * - lean: the endpoint's own SQL (what pgbench replays) through node-postgres as named prepared
 *   statements on a pool of 10 per worker like the API's, the rows as JSON: the API's database
 *   work with no framework, query builder, validation or token check around it;
 * - lean with LEAN_DRIVER=postgres: the same through postgres.js (prepared, and pipelining
 *   concurrent queries on its connections): what another driver would change.
 *
 * Started by scripts/bench/floor.ts, not by hand.
 * Env: PORT, FLOOR_WORKERS, FLOOR_ROUTES_FILE (JSON: FloorRoute[]), DATABASE_URL and LEAN_DRIVER
 * (pg, the default, or postgres; lean only).
 */

import cluster from "node:cluster";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import pg from "pg";
import postgres from "postgres";
import type { CapturedQuery } from "./capture-sql.ts";

export interface FloorRoute {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Lean: run these and answer their rows instead of `body`. */
  queries?: CapturedQuery[];
}

const workers = Number(process.env.FLOOR_WORKERS ?? 1);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const routes = JSON.parse(readFileSync(process.env.FLOOR_ROUTES_FILE ?? "", "utf8")) as FloorRoute[];
  // Bodies as Buffers once, so a request costs what Node's HTTP layer costs and no encoding.
  const answers = new Map(
    routes.map((r) => [`${r.method} ${r.path}`, { ...r, bytes: Buffer.from(r.body, "utf8") }] as const),
  );
  const url = process.env.DATABASE_URL;
  const asJson = (rows: readonly unknown[]) =>
    Buffer.from(JSON.stringify(rows.length === 1 ? rows[0] : { items: rows }), "utf8");
  const statementName = (sql: string) => `lean_${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`;
  const viaPg = (pool: pg.Pool) => async (queries: CapturedQuery[]) => {
    const client = await pool.connect();
    try {
      let rows: unknown[] = [];
      for (const q of queries)
        rows = (await client.query({ name: statementName(q.sql), text: q.sql, values: [...q.parameters] })).rows;
      return asJson(rows);
    } finally {
      client.release();
    }
  };
  const viaPostgresJs = (sql: postgres.Sql) => async (queries: CapturedQuery[]) => {
    let rows: readonly unknown[] = [];
    // One connection for the whole sequence, as the API's transaction-less writes run.
    const conn = await sql.reserve();
    try {
      for (const q of queries)
        rows = await conn.unsafe(q.sql, q.parameters as postgres.ParameterOrJSON<never>[], { prepare: true });
    } finally {
      conn.release();
    }
    return asJson(rows);
  };
  const rowsOf: ((queries: CapturedQuery[]) => Promise<Buffer>) | null = !url
    ? null
    : process.env.LEAN_DRIVER === "postgres"
      ? viaPostgresJs(postgres(url, { max: 10, prepare: true }))
      : viaPg(new pg.Pool({ connectionString: url, max: 10 }));
  const send = (res: import("node:http").ServerResponse, answer: FloorRoute, bytes: Buffer) => {
    res.writeHead(answer.status, { ...answer.headers, "content-length": String(bytes.length) });
    res.end(bytes);
  };
  const server = createServer((req, res) => {
    const answer = answers.get(`${req.method} ${req.url}`);
    req.resume(); // read (and drop) a request body, as the API reads its JSON
    if (!answer) {
      res.writeHead(req.url === "/ready" ? 200 : 404, { "content-type": "text/plain" });
      res.end(req.url === "/ready" ? "ready" : "not a benchmarked route");
      return;
    }
    if (!answer.queries) return send(res, answer, answer.bytes);
    if (!rowsOf) throw new Error("lean routes need DATABASE_URL");
    rowsOf(answer.queries).then(
      (bytes) => send(res, answer, bytes),
      (error: Error) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(error.message);
      },
    );
  });
  server.listen(Number(process.env.PORT), "127.0.0.1");
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
