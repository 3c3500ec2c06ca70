import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import { ifMatch } from "../sync/preconditions.ts";
import * as routes from "./lists.routes.ts";
import { createList } from "./service/create-list.ts";
import { deleteList } from "./service/delete-list.ts";
import { getList } from "./service/get-list.ts";
import { listLists } from "./service/list-lists.ts";
import { moveList } from "./service/move-list.ts";
import { updateList } from "./service/update-list.ts";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** Lists (contract 6.2): handlers only translate HTTP to service calls. */
export function registerListRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db } = deps;
  ownedRoutes(app, deps, "lists");
  const list: Handler<typeof routes.listListsRoute> = async (c) =>
    c.json(await listLists(db, { userId: c.get("userId") }), 200);
  const create: Handler<typeof routes.createListRoute> = async (c) => {
    const created = await createList(db, { userId: c.get("userId"), input: c.req.valid("json") });
    c.header("Location", `/api/${encodeURIComponent(c.get("userId"))}/lists/${created.id}`);
    return c.json(created, 201);
  };
  const get: Handler<typeof routes.getListRoute> = async (c) =>
    c.json(await getList(db, { userId: c.get("userId"), id: c.req.valid("param").id }), 200);
  const update: Handler<typeof routes.updateListRoute> = async (c) =>
    c.json(
      await updateList(db, {
        userId: c.get("userId"),
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        versions: ifMatch(c),
      }),
      200,
    );
  const remove: Handler<typeof routes.deleteListRoute> = async (c) => {
    await deleteList(db, { userId: c.get("userId"), id: c.req.valid("param").id, versions: ifMatch(c) });
    return c.body(null, 204);
  };
  const move: Handler<typeof routes.moveListRoute> = async (c) =>
    c.json(
      await moveList(db, {
        userId: c.get("userId"),
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        versions: ifMatch(c),
      }),
      200,
    );

  app.openapi(routes.listListsRoute, list);
  app.openapi(routes.createListRoute, create);
  app.openapi(routes.getListRoute, get);
  app.openapi(routes.updateListRoute, update);
  app.openapi(routes.deleteListRoute, remove);
  app.openapi(routes.moveListRoute, move);
}
