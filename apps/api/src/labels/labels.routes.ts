import { createRoute } from "@hono/zod-openapi";
import { LabelListSchema, LabelRenameSchema } from "@todo/contract";
import { z } from "zod";
import { common, json, jsonBody, problem, security, UserParams, withBody } from "../lib/openapi.ts";

const LabelParams = UserParams.extend({
  name: z.string().meta({ description: "The label's name (any case).", example: "errands" }),
});
const tags = ["labels"];
const notFound = { 404: problem("You have no label with that name.") };

export const listLabelsRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/labels",
  operationId: "listLabels",
  tags,
  security,
  summary: "Your labels by name (ignoring case), with open counts",
  request: { params: UserParams },
  responses: { 200: json(LabelListSchema, "Your labels."), ...common },
});

export const renameLabelRoute = createRoute({
  method: "put",
  path: "/api/{user_id}/labels/{name}",
  operationId: "renameLabel",
  tags,
  security,
  summary: "Rename a label on every task (merging into an existing one of that name)",
  request: { params: LabelParams, body: jsonBody(LabelRenameSchema) },
  responses: { 204: { description: "Renamed." }, ...notFound, ...withBody, ...common },
});

export const deleteLabelRoute = createRoute({
  method: "delete",
  path: "/api/{user_id}/labels/{name}",
  operationId: "deleteLabel",
  tags,
  security,
  summary: "Remove a label from every task",
  request: { params: LabelParams },
  responses: { 204: { description: "Removed from every task." }, ...notFound, ...common },
});
