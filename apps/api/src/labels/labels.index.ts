import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import * as routes from "./labels.routes.ts";
import { deleteLabel } from "./service/delete-label.ts";
import { listLabels } from "./service/list-labels.ts";
import { renameLabel } from "./service/rename-label.ts";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** Labels (contract 6.3). */
export function registerLabelRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db } = deps;
  ownedRoutes(app, deps, "labels");
  const list: Handler<typeof routes.listLabelsRoute> = async (c) =>
    c.json(await listLabels(db, { userId: c.get("userId") }), 200);
  const rename: Handler<typeof routes.renameLabelRoute> = async (c) => {
    const { name } = c.req.valid("param");
    await renameLabel(db, { userId: c.get("userId"), name, newName: c.req.valid("json").name });
    return c.body(null, 204);
  };
  const remove: Handler<typeof routes.deleteLabelRoute> = async (c) => {
    await deleteLabel(db, { userId: c.get("userId"), name: c.req.valid("param").name });
    return c.body(null, 204);
  };
  app.openapi(routes.listLabelsRoute, list);
  app.openapi(routes.renameLabelRoute, rename);
  app.openapi(routes.deleteLabelRoute, remove);
}
