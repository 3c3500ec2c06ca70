import { TaskQuerySchema } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { createCursorCodec } from "../../apps/api/src/pages/page-cursor.ts";
import { createTask } from "../../apps/api/src/tasks/service/create-task.ts";
import { getTask } from "../../apps/api/src/tasks/service/get-task.ts";
import { listTasks } from "../../apps/api/src/tasks/service/list-tasks.ts";
import { setTaskCompleted } from "../../apps/api/src/tasks/service/set-task-completed.ts";
import type { LoadSpec } from "./http-load.ts";
import type { BenchUser } from "./seed.ts";

export interface Endpoint {
  name: string;
  /** The HTTP request autocannon repeats. */
  http: (origin: string, user: BenchUser) => Omit<LoadSpec, "connections" | "seconds">;
  /** The same work through the API's own service function: its SQL is what pgbench replays. */
  service: (db: Kysely<Database>, user: BenchUser) => Promise<unknown>;
  /** Which seeded user it runs as: "reader" keeps its 20 tasks, "writer" absorbs the creates. */
  user: "reader" | "writer";
}

const auth = (user: BenchUser) => ({ authorization: `Bearer ${user.token}` });

export const ENDPOINTS: Endpoint[] = [
  {
    name: "list (20 tasks)",
    user: "reader",
    http: (origin, u) => ({
      url: `${origin}/api/${u.id}/tasks`,
      method: "GET",
      headers: auth(u),
      expectStatus: 200,
    }),
    // The default query, as a client that sends no parameters gets it (first page of 100).
    service: (db, u) =>
      listTasks(db, { userId: u.id, query: TaskQuerySchema.parse({}), cursors: createCursorCodec("unused-here") }),
  },
  {
    name: "get one",
    user: "reader",
    http: (origin, u) => ({
      url: `${origin}/api/${u.id}/tasks/${u.taskId}`,
      method: "GET",
      headers: auth(u),
      expectStatus: 200,
    }),
    service: (db, u) => getTask(db, { id: u.taskId, userId: u.id }),
  },
  {
    name: "create",
    user: "writer",
    http: (origin, u) => ({
      url: `${origin}/api/${u.id}/tasks`,
      method: "POST",
      headers: { ...auth(u), "content-type": "application/json" },
      body: JSON.stringify({ title: "Benchmark task" }),
      expectStatus: 201,
    }),
    service: (db, u) => createTask(db, { userId: u.id, input: { title: "Benchmark task" } }),
  },
  {
    name: "complete (toggle)",
    user: "writer",
    http: (origin, u) => ({
      url: `${origin}/api/${u.id}/tasks/${u.taskId}/complete`,
      method: "PATCH",
      headers: auth(u),
      expectStatus: 200,
    }),
    service: (db, u) => setTaskCompleted(db, { id: u.taskId, userId: u.id, completed: undefined, now: new Date() }),
  },
];
