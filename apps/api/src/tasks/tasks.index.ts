import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { requireUser } from "../middleware/auth.ts";
import { jsonBody } from "../middleware/json-body.ts";
import { requirePathOwner } from "../middleware/owner.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { tasksHandlers } from "./tasks.handlers.ts";
import * as routes from "./tasks.routes.ts";

const isCompletePath = (path: string) => path.endsWith("/complete");

/** Token check, then the user's request budget, then owner check, then body guard, before any validator. */
export function registerTaskRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  // One pattern only: Hono's trailing "/*" also matches "/api/:user_id/tasks" itself, so a
  // second registration for that path ran the chain twice and the body guard read an empty stream.
  app.use(
    "/api/:user_id/tasks/*",
    requireUser(deps),
    rateLimit({ pool: deps.pool, redis: deps.redis, perMinute: deps.env.API_RATE_LIMIT }),
    requirePathOwner,
    jsonBody(isCompletePath),
  );
  const h = tasksHandlers(deps);
  app.openapi(routes.listTasksRoute, h.list);
  app.openapi(routes.createTaskRoute, h.create);
  app.openapi(routes.getTaskRoute, h.get);
  app.openapi(routes.updateTaskRoute, h.update);
  app.openapi(routes.deleteTaskRoute, h.remove);
  app.openapi(routes.completeTaskRoute, h.complete);
}
