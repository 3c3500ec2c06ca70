import type { OpenAPIHono } from "@hono/zod-openapi";
import type { List, Task } from "@todo/contract";
import { expect } from "vitest";
import type { AppEnv } from "../../../apps/api/src/lib/context.ts";
import type { SignedInUser } from "./harness.ts";
import { type CallOptions, call, createTask } from "./http.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A signed-in client of the app: `api.get("tasks?sort=due")` calls `/api/{user}/tasks?sort=due`
 * with the user's token. The one way the organise tests talk to the API.
 */
export function apiFor(app: OpenAPIHono<AppEnv>, user: SignedInUser) {
  const send = (method: Method, path: string, body?: unknown, options: CallOptions = {}) =>
    call(app, method, `/api/${user.id}/${path}`, {
      token: user.token,
      ...(body === undefined ? {} : { body }),
      ...options,
    });
  const ok = async <T>(res: Response, status = 200): Promise<T> => {
    const text = await res.text();
    expect(res.status, text).toBe(status);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    send,
    get: (path: string) => send("GET", path),
    post: (path: string, body?: unknown) => send("POST", path, body),
    put: (path: string, body: unknown) => send("PUT", path, body),
    del: (path: string) => send("DELETE", path),
    ok,
    createTask: (body?: Record<string, unknown>): Promise<Task> => createTask(app, user.id, user.token, body),
    createList: async (name: string, color?: string) =>
      ok<List>(await send("POST", "lists", color ? { name, color } : { name }), 201),
    tasks: async (query = "") => ok<Task[]>(await send("GET", `tasks${query ? `?${query}` : ""}`)),
  };
}
export type Api = ReturnType<typeof apiFor>;

/** The next page's URL from a Link header, or undefined on the last page. */
export function nextPage(res: Response): string | undefined {
  const link = res.headers.get("link");
  return link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
}
