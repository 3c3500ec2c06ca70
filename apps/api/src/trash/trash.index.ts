import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import { createCursorCodec, nextLink } from "../pages/page-cursor.ts";
import { emptyTrash } from "./service/empty-trash.ts";
import { listTrash } from "./service/list-trash.ts";
import * as routes from "./trash.routes.ts";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** The trash (contract 6.5); restoring one task lives with the task routes. */
export function registerTrashRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db } = deps;
  const cursors = createCursorCodec(deps.env.BETTER_AUTH_SECRET);
  ownedRoutes(app, deps, "trash");
  const list: Handler<typeof routes.listTrashRoute> = async (c) => {
    const { limit, cursor } = c.req.valid("query");
    const page = await listTrash(db, { userId: c.get("userId"), limit, cursor, cursors });
    if (page.nextCursor) c.header("Link", nextLink(c.req.url, page.nextCursor));
    return c.json(page.items, 200);
  };
  const empty: Handler<typeof routes.emptyTrashRoute> = async (c) => {
    await emptyTrash(db, { userId: c.get("userId") });
    return c.body(null, 204);
  };
  app.openapi(routes.listTrashRoute, list);
  app.openapi(routes.emptyTrashRoute, empty);
}
