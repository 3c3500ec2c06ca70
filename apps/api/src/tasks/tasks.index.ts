import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import { tasksHandlers } from "./tasks.handlers.ts";
import * as routes from "./tasks.routes.ts";

// PATCH .../complete toggles and POST .../restore acts without a body.
const bodyIsOptional = (path: string) => path.endsWith("/complete") || path.endsWith("/restore");

export function registerTaskRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  ownedRoutes(app, deps, "tasks", bodyIsOptional);
  const h = tasksHandlers(deps);
  app.openapi(routes.listTasksRoute, h.list);
  app.openapi(routes.createTaskRoute, h.create);
  app.openapi(routes.bulkTasksRoute, h.bulk);
  app.openapi(routes.parseTaskTextRoute, h.parse);
  app.openapi(routes.quickAddTaskRoute, h.quick);
  app.openapi(routes.getTaskRoute, h.get);
  app.openapi(routes.updateTaskRoute, h.update);
  app.openapi(routes.deleteTaskRoute, h.remove);
  app.openapi(routes.completeTaskRoute, h.complete);
  app.openapi(routes.moveTaskRoute, h.move);
  app.openapi(routes.restoreTaskRoute, h.restore);
}
