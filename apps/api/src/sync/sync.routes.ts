import { createRoute, z } from "@hono/zod-openapi";
import { ChangePageSchema, ChangesQuerySchema } from "@todo/contract";
import { common, json, problem, security, UserParams } from "../lib/openapi.ts";

const tags = ["sync"];

export const changesRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/changes",
  operationId: "listChanges",
  tags,
  security,
  summary: "What changed in your tasks and lists since a cursor",
  description:
    "Every change committed after `since`, in commit order, at most 500 a page (`has_more` says call again). " +
    "`upsert` carries the resource as it is now (`data`); a task moved to the trash, purged, or a deleted list is " +
    "`delete`. An id changed twice in a page appears once. Replaying a page is harmless: keep the highest `version`.",
  request: { params: UserParams, query: ChangesQuerySchema },
  responses: {
    200: json(ChangePageSchema, "The changes and the cursor to continue from."),
    400: problem("The cursor is malformed, altered or another user's."),
    410: problem("The cursor is older than the 30 days of kept history: reload everything, then use a new cursor."),
    ...common,
  },
});

export const eventsRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/events",
  operationId: "streamEvents",
  tags,
  security,
  summary: "Live change notifications (Server-Sent Events)",
  description:
    "`text/event-stream`. On connect, and within a second of every committed change to your tasks or lists " +
    '(from any API instance), an `event: change` with `data: {"cursor": ...}`; then read `/changes` from your own ' +
    "cursor. A comment line (`: keep-alive`) at least every 20 seconds. The stream ends when the token expires: " +
    "reconnect with a fresh one. Counted once per connection against the rate limit. Send the token with `fetch` " +
    "(EventSource cannot send headers).",
  request: { params: UserParams },
  responses: {
    200: {
      description: "The event stream (stays open).",
      content: {
        "text/event-stream": {
          schema: z.string().meta({ example: 'event: change\ndata: {"cursor":"eyJz..."}\n\n: keep-alive\n\n' }),
        },
      },
    },
    ...common,
  },
});
