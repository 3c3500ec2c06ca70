import type { OpenAPIHono, RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { ownedRoutes } from "../middleware/owned-routes.ts";
import { createCursorCodec } from "../pages/page-cursor.ts";
import { streamEvents } from "./events.ts";
import { feedCursors, feedHead, readChanges } from "./feed.ts";
import { createNotifier, eventsSetup } from "./notifier.ts";
import { changesRoute, eventsRoute } from "./sync.routes.ts";

/** The change feed and the event stream (contract 9). */
export function registerSyncRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db } = deps;
  const codec = createCursorCodec(deps.env.BETTER_AUTH_SECRET);
  const notifier = deps.notifier ?? createNotifier({ db, logger: deps.logger, ...eventsSetup(deps.env) });
  ownedRoutes(app, deps, "changes");
  ownedRoutes(app, deps, "events");

  const changes: RouteHandler<typeof changesRoute, AppEnv> = async (c) => {
    const userId = c.get("userId");
    const cursors = feedCursors(codec, userId);
    const { since } = c.req.valid("query");
    if (since === undefined) {
      const head = await feedHead(db, userId);
      return c.json({ changes: [], cursor: cursors.encode(head.seq), has_more: false }, 200);
    }
    const page = await readChanges(db, userId, cursors.decode(since));
    return c.json({ changes: page.changes, cursor: cursors.encode(page.seq), has_more: page.hasMore }, 200);
  };
  app.openapi(changesRoute, changes);
  app.openapi(eventsRoute, (c) =>
    streamEvents(c, { db, notifier, encode: (seq) => feedCursors(codec, c.get("userId")).encode(seq) }),
  );
}
