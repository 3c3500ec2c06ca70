import type { OpenAPIHono, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import * as routes from "./export.routes.ts";
import { exportStream } from "./service/export-stream.ts";

const TYPES = { json: "application/json; charset=utf-8", csv: "text/csv; charset=utf-8; header=present" };

/** Export (contract section 10). */
export function registerExportRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  ownedRoutes(app, deps, "export");
  const handler: RouteHandler<typeof routes.exportRoute, AppEnv> = async (c) => {
    const { format } = c.req.valid("query");
    const day = new Date().toISOString().slice(0, 10);
    const stream = await exportStream(deps.db, deps.pool, c.get("userId"), format);
    return c.body(stream, 200, {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="todo-export-${day}.${format}"`,
      "Cache-Control": "no-store",
    }) as never;
  };
  app.openapi(routes.exportRoute, handler);
}
