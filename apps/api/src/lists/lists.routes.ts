import { createRoute } from "@hono/zod-openapi";
import { ListCreateSchema, ListListSchema, ListMoveSchema, ListSchema, ListUpdateSchema } from "@todo/contract";
import {
  common,
  idParams,
  json,
  jsonBody,
  LocationHeader,
  problem,
  security,
  UserParams,
  withBody,
} from "../lib/openapi.ts";

const ListParams = idParams("list");
const tags = ["lists"];
const notFound = { 404: problem("No such list among yours.") };
const clash = { 409: problem("You already have a list with that name (ignoring case).") };

export const listListsRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/lists",
  operationId: "listLists",
  tags,
  security,
  summary: "Your lists in manual order, each with its open count",
  request: { params: UserParams },
  responses: { 200: json(ListListSchema, "Your lists."), ...common },
});

export const createListRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/lists",
  operationId: "createList",
  tags,
  security,
  summary: "Create a list (it goes last)",
  request: { params: UserParams, body: jsonBody(ListCreateSchema) },
  responses: {
    201: { ...json(ListSchema, "The created list."), headers: LocationHeader },
    ...clash,
    ...withBody,
    ...common,
  },
});

export const getListRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/lists/{id}",
  operationId: "getList",
  tags,
  security,
  summary: "Read one list",
  request: { params: ListParams },
  responses: { 200: json(ListSchema, "The list."), ...notFound, ...common },
});

export const updateListRoute = createRoute({
  method: "put",
  path: "/api/{user_id}/lists/{id}",
  operationId: "updateList",
  tags,
  security,
  summary: "Rename or recolour a list (fields not sent stay as they were)",
  request: { params: ListParams, body: jsonBody(ListUpdateSchema) },
  responses: { 200: json(ListSchema, "The updated list."), ...notFound, ...clash, ...withBody, ...common },
});

export const deleteListRoute = createRoute({
  method: "delete",
  path: "/api/{user_id}/lists/{id}",
  operationId: "deleteList",
  tags,
  security,
  summary: "Delete a list; its tasks move to the Inbox",
  request: { params: ListParams },
  responses: { 204: { description: "Deleted; its tasks are in the Inbox." }, ...notFound, ...common },
});

export const moveListRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/lists/{id}/move",
  operationId: "moveList",
  tags,
  security,
  summary: "Move a list before or after another, or last",
  request: { params: ListParams, body: jsonBody(ListMoveSchema) },
  responses: { 200: json(ListSchema, "The list with its new `position`."), ...notFound, ...withBody, ...common },
});
