import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from "@todo/contract";
import { sql } from "kysely";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv, Deps } from "../lib/context.ts";
import { isDraining } from "../lib/draining.ts";

const Status = z
  .object({
    status: z.string().meta({ example: "ok" }),
    run_id: z
      .string()
      .optional()
      .meta({ description: "The random id `npm start` gave this process, so it knows it reached its own API." }),
  })
  .meta({ id: "HealthStatus" });
const Ready = z
  .object({
    status: z.string().meta({ example: "ok" }),
    database_id: z.string().meta({ description: "Random id of the connected database; the web reports the same one." }),
  })
  .meta({ id: "ReadyStatus" });
const tags = ["service"];

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags,
  // Public on purpose: load balancers probe it without a token.
  security: [],
  summary: "Liveness: 200 while the process runs",
  responses: { 200: { description: "Alive.", content: { "application/json": { schema: Status } } } },
});

const readyRoute = createRoute({
  method: "get",
  path: "/ready",
  operationId: "getReady",
  tags,
  security: [],
  summary: "Readiness: 200 when the database answers, 503 otherwise (and while shutting down)",
  responses: {
    200: { description: "The database answers.", content: { "application/json": { schema: Ready } } },
    503: {
      description: "The database does not answer.",
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    },
  },
});

// A hung database must not hang the probe.
const READY_TIMEOUT_MS = 2_000;

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, { db }: Pick<Deps, "db">): void {
  // Set by `npm start` for this process only; a random id that says nothing else.
  const runId = process.env.START_RUN_ID;
  app.openapi(healthRoute, (c) => c.json({ status: "ok", ...(runId ? { run_id: runId } : {}) }, 200));
  app.openapi(readyRoute, async (c) => {
    if (isDraining()) throw new AppError("UNAVAILABLE", "This API process is shutting down; use another.");
    let databaseId: string;
    try {
      const result = await Promise.race([
        sql<{ id: string }>`select "id" from "database_identity"`.execute(db),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), READY_TIMEOUT_MS).unref()),
      ]);
      databaseId = result.rows[0]?.id ?? "unknown";
    } catch (error) {
      c.get("logger").warn("readiness check failed", { error_message: (error as Error).message });
      throw new AppError("UNAVAILABLE", "The API cannot reach its database.");
    }
    return c.json({ status: "ok", database_id: databaseId }, 200);
  });
}
