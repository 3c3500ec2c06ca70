import { createRoute } from "@hono/zod-openapi";
import { TrashListSchema, TrashQuerySchema } from "@todo/contract";
import { common, json, LinkHeader, problem, security, UserParams } from "../lib/openapi.ts";

const tags = ["trash"];

export const listTrashRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/trash",
  operationId: "listTrash",
  tags,
  security,
  summary: "Your deleted tasks, newest deletion first",
  description: 'Kept 30 days. Pages like the task list (`limit`, `cursor`, `Link: <...>; rel="next"`).',
  request: { params: UserParams, query: TrashQuerySchema },
  responses: {
    200: { ...json(TrashListSchema, "One page of the trash."), headers: LinkHeader },
    400: problem("The cursor is malformed, altered or from another query."),
    422: problem("A parameter is invalid; `errors` names it."),
    ...common,
  },
});

export const emptyTrashRoute = createRoute({
  method: "delete",
  path: "/api/{user_id}/trash",
  operationId: "emptyTrash",
  tags,
  security,
  summary: "Empty the trash for good",
  request: { params: UserParams },
  responses: { 204: { description: "Emptied." }, ...common },
});
