import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
import { createCursorCodec, nextLink } from "../pages/page-cursor.ts";
import { ifMatch } from "../sync/preconditions.ts";
import { bulkTasks } from "./service/bulk-tasks.ts";
import { createTask } from "./service/create-task.ts";
import { deleteTask } from "./service/delete-task.ts";
import { getTask } from "./service/get-task.ts";
import { listTasks } from "./service/list-tasks.ts";
import { moveTask } from "./service/move-task.ts";
import { parseTaskText, quickAddTask } from "./service/quick-add.ts";
import { restoreTask } from "./service/restore-task.ts";
import { setTaskCompleted } from "./service/set-task-completed.ts";
import { updateTask } from "./service/update-task.ts";
import type * as routes from "./tasks.routes.ts";

type Handler<R extends Parameters<typeof import("@hono/zod-openapi").createRoute>[0]> = RouteHandler<R, AppEnv>;

/** Handlers only translate HTTP to service calls; ownership comes from the verified token. */
export const tasksHandlers = ({ db, env, now: clock }: Pick<Deps, "db" | "env" | "now">) => {
  const now = () => clock?.() ?? new Date();
  const cursors = createCursorCodec(env.BETTER_AUTH_SECRET);
  const ref = (c: { req: { valid: (t: "param") => { id: string } }; get: (k: "userId") => string }) => ({
    id: c.req.valid("param").id,
    userId: c.get("userId"),
  });

  const list: Handler<typeof routes.listTasksRoute> = async (c) => {
    const page = await listTasks(db, { userId: c.get("userId"), query: c.req.valid("query"), cursors });
    if (page.nextCursor) c.header("Link", nextLink(c.req.url, page.nextCursor));
    return c.json(page.tasks, 200);
  };

  const create: Handler<typeof routes.createTaskRoute> = async (c) => {
    const task = await createTask(db, { userId: c.get("userId"), input: c.req.valid("json") });
    c.header("Location", `/api/${encodeURIComponent(task.user_id)}/tasks/${task.id}`);
    return c.json(task, 201);
  };

  const get: Handler<typeof routes.getTaskRoute> = async (c) => c.json(await getTask(db, ref(c)), 200);

  const update: Handler<typeof routes.updateTaskRoute> = async (c) =>
    c.json(await updateTask(db, { ...ref(c), input: c.req.valid("json"), now: now(), versions: ifMatch(c) }), 200);

  const remove: Handler<typeof routes.deleteTaskRoute> = async (c) => {
    await deleteTask(db, { ...ref(c), versions: ifMatch(c) });
    return c.body(null, 204);
  };

  const complete: Handler<typeof routes.completeTaskRoute> = async (c) => {
    // The validator only runs when a JSON body was sent; no body means "toggle".
    const body = c.req.valid("json") as { completed: boolean } | undefined;
    return c.json(
      await setTaskCompleted(db, { ...ref(c), completed: body?.completed, now: now(), versions: ifMatch(c) }),
      200,
    );
  };

  const move: Handler<typeof routes.moveTaskRoute> = async (c) =>
    c.json(await moveTask(db, { ...ref(c), input: c.req.valid("json"), versions: ifMatch(c) }), 200);

  const restore: Handler<typeof routes.restoreTaskRoute> = async (c) => c.json(await restoreTask(db, ref(c)), 200);

  const bulk: Handler<typeof routes.bulkTasksRoute> = async (c) =>
    c.json(await bulkTasks(db, { userId: c.get("userId"), body: c.req.valid("json"), now: now() }), 200);

  // --- quick add (issue 10)
  const parse: Handler<typeof routes.parseTaskTextRoute> = async (c) =>
    c.json(await parseTaskText(db, { userId: c.get("userId"), input: c.req.valid("json"), now: now() }), 200);

  const quick: Handler<typeof routes.quickAddTaskRoute> = async (c) => {
    const task = await quickAddTask(db, { userId: c.get("userId"), input: c.req.valid("json"), now: now() });
    c.header("Location", `/api/${encodeURIComponent(task.user_id)}/tasks/${task.id}`);
    return c.json(task, 201);
  };
  // --- end quick add

  return { list, create, get, update, remove, complete, move, restore, bulk, parse, quick };
};
