import { createRoute } from "@hono/zod-openapi";
import {
  QuickAddInputSchema,
  QuickAddParseSchema,
  TaskBulkResultSchema,
  TaskBulkSchema,
  TaskCompleteSchema,
  TaskCreateSchema,
  TaskListSchema,
  TaskMoveSchema,
  TaskQuerySchema,
  TaskSchema,
  TaskUpdateSchema,
} from "@todo/contract";
import {
  common,
  idParams,
  json,
  jsonBody,
  LinkHeader,
  LocationHeader,
  problem,
  security,
  UserParams,
  withBody,
} from "../lib/openapi.ts";

const TaskParams = idParams("task");
const tags = ["tasks"];
const notFound = { 404: problem("No such task in your list (or it is in the trash).") };

export const listTasksRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/tasks",
  operationId: "listTasks",
  tags,
  security,
  summary: "List your tasks, one page at a time",
  description:
    'Filters combine; `sort` picks the order. At most `limit` tasks (default 100); when more exist, `Link: <...>; rel="next"` carries the next page\'s URL (keyset cursor).',
  request: { params: UserParams, query: TaskQuerySchema },
  responses: {
    200: { ...json(TaskListSchema, "One page of your tasks."), headers: LinkHeader },
    400: problem("The cursor is malformed, altered or from another query."),
    422: problem("A parameter is invalid; `errors` names it."),
    ...common,
  },
});

export const createTaskRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks",
  operationId: "createTask",
  tags,
  security,
  summary: "Create a task (at the end of its list)",
  request: { params: UserParams, body: jsonBody(TaskCreateSchema) },
  responses: {
    201: { ...json(TaskSchema, "The created task."), headers: LocationHeader },
    ...withBody,
    ...common,
    403: problem("The path's user_id is not the token's subject, or you have reached the 100,000 stored tasks quota."),
  },
});

export const getTaskRoute = createRoute({
  method: "get",
  path: "/api/{user_id}/tasks/{id}",
  operationId: "getTask",
  tags,
  security,
  summary: "Read one task",
  request: { params: TaskParams },
  responses: { 200: json(TaskSchema, "The task."), ...notFound, ...common },
});

export const updateTaskRoute = createRoute({
  method: "put",
  path: "/api/{user_id}/tasks/{id}",
  operationId: "updateTask",
  tags,
  security,
  summary: "Update a task (fields not sent stay as they were)",
  request: { params: TaskParams, body: jsonBody(TaskUpdateSchema) },
  responses: { 200: json(TaskSchema, "The updated task."), ...notFound, ...withBody, ...common },
});

export const deleteTaskRoute = createRoute({
  method: "delete",
  path: "/api/{user_id}/tasks/{id}",
  operationId: "deleteTask",
  tags,
  security,
  summary: "Move a task to the trash",
  request: { params: TaskParams },
  responses: { 204: { description: "In the trash (restorable for 30 days)." }, ...notFound, ...common },
});

export const completeTaskRoute = createRoute({
  method: "patch",
  path: "/api/{user_id}/tasks/{id}/complete",
  operationId: "completeTask",
  tags,
  security,
  summary: "Toggle completion, or set it with a body",
  description: 'With no body, flips `completed`. With `{"completed": true|false}`, sets it (idempotent).',
  request: { params: TaskParams, body: jsonBody(TaskCompleteSchema, false) },
  responses: { 200: json(TaskSchema, "The task."), ...notFound, ...withBody, ...common },
});

export const moveTaskRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks/{id}/move",
  operationId: "moveTask",
  tags,
  security,
  summary: "Move a task before or after another, or to the end of a list",
  description:
    "`before`/`after` name a task of the target list (`list_id` when sent, else the task's own); neither puts it at the end. A neighbour not in that list: 422.",
  request: { params: TaskParams, body: jsonBody(TaskMoveSchema) },
  responses: { 200: json(TaskSchema, "The task with its new `position`."), ...notFound, ...withBody, ...common },
});

export const restoreTaskRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks/{id}/restore",
  operationId: "restoreTask",
  tags: ["trash"],
  security,
  summary: "Bring a task back from the trash",
  description: "Exactly as it was: its list if that still exists (else the Inbox), its place.",
  request: { params: TaskParams },
  responses: { 200: json(TaskSchema, "The restored task."), 404: problem("No such task in your trash."), ...common },
});

export const bulkTasksRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks/bulk",
  operationId: "bulkTasks",
  tags,
  security,
  summary: "Change up to 500 tasks at once, all or nothing",
  description: "If any id is unknown, not yours, or (restore) not in the trash: 404 and nothing changes.",
  request: { params: UserParams, body: jsonBody(TaskBulkSchema) },
  responses: {
    200: json(TaskBulkResultSchema, "How many changed, and the tasks after the change."),
    404: problem("At least one id is not a task of yours; nothing changed."),
    ...withBody,
    ...common,
  },
});

// --- quick add (issue 10, contract 7.1)
export const parseTaskTextRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks/parse",
  operationId: "parseTaskText",
  tags,
  security,
  summary: "Read a quick-add line without creating anything",
  description:
    "Returns the fields `POST .../tasks/quick` would create and the recognised `tokens` (UTF-16 offsets) for highlighting. `#Name` matches only your own lists. A line that is only parts answers an empty `title`.",
  request: { params: UserParams, body: jsonBody(QuickAddInputSchema) },
  responses: { 200: json(QuickAddParseSchema, "What the line says."), ...withBody, ...common },
});

export const quickAddTaskRoute = createRoute({
  method: "post",
  path: "/api/{user_id}/tasks/quick",
  operationId: "quickAddTask",
  tags,
  security,
  summary: "Create a task from one quick-add line",
  description: "Creates the task `POST .../tasks/parse` describes, at the end of its list.",
  request: { params: UserParams, body: jsonBody(QuickAddInputSchema) },
  responses: {
    201: { ...json(TaskSchema, "The created task."), headers: LocationHeader },
    ...withBody,
    ...common,
    403: problem("The path's user_id is not the token's subject, or you have reached the 100,000 stored tasks quota."),
    422: problem("`text` is too long, has no title left once its parts are taken out, or `tz` is unknown."),
  },
});
// --- end quick add
