import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { createTask } from "./service/create-task.ts";
import { deleteTask } from "./service/delete-task.ts";
import { getTask } from "./service/get-task.ts";
import { listTasks } from "./service/list-tasks.ts";
import { setTaskCompleted } from "./service/set-task-completed.ts";
import { updateTask } from "./service/update-task.ts";
import type * as routes from "./tasks.routes.ts";

type Handler<R extends Parameters<typeof import("@hono/zod-openapi").createRoute>[0]> = RouteHandler<R, AppEnv>;

/** Handlers only translate HTTP to service calls; ownership comes from the verified token. */
export const tasksHandlers = ({ db }: Pick<Deps, "db">) => {
  const list: Handler<typeof routes.listTasksRoute> = async (c) => {
    const { status } = c.req.valid("query");
    return c.json(await listTasks(db, { userId: c.get("userId"), status }), 200);
  };

  const create: Handler<typeof routes.createTaskRoute> = async (c) => {
    const task = await createTask(db, { userId: c.get("userId"), input: c.req.valid("json") });
    c.header("Location", `/api/${encodeURIComponent(task.user_id)}/tasks/${task.id}`);
    return c.json(task, 201);
  };

  const get: Handler<typeof routes.getTaskRoute> = async (c) => {
    return c.json(await getTask(db, { id: c.req.valid("param").id, userId: c.get("userId") }), 200);
  };

  const update: Handler<typeof routes.updateTaskRoute> = async (c) => {
    const input = c.req.valid("json");
    return c.json(await updateTask(db, { id: c.req.valid("param").id, userId: c.get("userId"), input }), 200);
  };

  const remove: Handler<typeof routes.deleteTaskRoute> = async (c) => {
    await deleteTask(db, { id: c.req.valid("param").id, userId: c.get("userId") });
    return c.body(null, 204);
  };

  const complete: Handler<typeof routes.completeTaskRoute> = async (c) => {
    // The validator only runs when a JSON body was sent; no body means "toggle".
    const body = c.req.valid("json") as { completed: boolean } | undefined;
    const task = await setTaskCompleted(db, {
      id: c.req.valid("param").id,
      userId: c.get("userId"),
      completed: body?.completed,
    });
    return c.json(task, 200);
  };

  return { list, create, get, update, remove, complete };
};
