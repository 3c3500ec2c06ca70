import { createRoute } from "@hono/zod-openapi";
import {
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  TaskCompleteSchema,
  TaskCreateSchema,
  TaskListSchema,
  TaskSchema,
  TaskStatusSchema,
  TaskUpdateSchema,
} from "@todo/contract";
import { z } from "zod";

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const UserParams = z.object({ user_id: z.string().meta({ description: "Must equal the token's `sub`." }) });
const TaskParams = UserParams.extend({ id: z.string().meta({ description: "The task's id (UUID)." }) });

/** Errors every task route can answer; listed once so the OpenAPI document stays honest. */
const common = {
  401: problem("Missing, malformed, expired or forged token, or its session has ended (signed out)."),
  403: problem("The path's user_id is not the token's subject."),
  429: problem(
    "Over your request budget (API_RATE_LIMIT a minute, bursts of 100): wait `Retry-After` seconds. " +
      "Every answer carries the IETF `RateLimit-Policy` and `RateLimit` headers.",
  ),
  500: problem("Unexpected server error (details only in the logs)."),
  503: problem("The database is not reachable right now; retry after `Retry-After` seconds."),
};
const withBody = {
  400: problem("The body is not valid JSON."),
  413: problem("The body is larger than 64 KiB."),
  415: problem("The body is not application/json."),
  422: problem("A field breaks the contract; `errors` names each one."),
};
const security = [{ bearerAuth: [] }];
const tags = ["tasks"];

export const listTasksRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/tasks",
  tags,
  security,
  summary: "List your tasks, newest first",
  request: {
    params: UserParams,
    query: z.object({ status: TaskStatusSchema.default("all").meta({ description: "Filter by completion." }) }),
  },
  responses: { 200: json(TaskListSchema, "Your tasks, newest first."), 422: withBody[422], ...common },
});

export const createTaskRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks",
  tags,
  security,
  summary: "Create a task",
  request: {
    params: UserParams,
    body: { required: true, content: { "application/json": { schema: TaskCreateSchema } } },
  },
  responses: {
    201: { ...json(TaskSchema, "The created task."), headers: z.object({ Location: z.string() }) },
    ...withBody,
    ...common,
    403: problem("The path's user_id is not the token's subject, or you have reached the 100,000 stored tasks quota."),
  },
});

export const getTaskRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/tasks/{id}",
  tags,
  security,
  summary: "Read one task",
  request: { params: TaskParams },
  responses: { 200: json(TaskSchema, "The task."), 404: problem("No such task in your list."), ...common },
});

export const updateTaskRoute = createRoute({
  method: "put",
  path: "/api/{user_id}/tasks/{id}",
  tags,
  security,
  summary: "Update a task (fields not sent stay as they were)",
  request: {
    params: TaskParams,
    body: { required: true, content: { "application/json": { schema: TaskUpdateSchema } } },
  },
  responses: {
    200: json(TaskSchema, "The updated task."),
    404: problem("No such task in your list."),
    ...withBody,
    ...common,
  },
});

export const deleteTaskRoute = createRoute({
  method: "delete",
  path: "/api/{user_id}/tasks/{id}",
  tags,
  security,
  summary: "Delete a task",
  request: { params: TaskParams },
  responses: { 204: { description: "Deleted." }, 404: problem("No such task in your list."), ...common },
});

export const completeTaskRoute = createRoute({
  method: "patch",
  path: "/api/{user_id}/tasks/{id}/complete",
  tags,
  security,
  summary: "Toggle completion, or set it with a body",
  description: 'With no body, flips `completed`. With `{"completed": true|false}`, sets it (idempotent).',
  request: {
    params: TaskParams,
    body: { required: false, content: { "application/json": { schema: TaskCompleteSchema } } },
  },
  responses: { 200: json(TaskSchema, "The task."), 404: problem("No such task in your list."), ...withBody, ...common },
});
