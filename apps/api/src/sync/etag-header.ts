import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { etagOf } from "./preconditions.ts";

type Versioned = { id?: unknown; version?: unknown };
const statusOf = (arg: unknown): number =>
  typeof arg === "number" ? arg : ((arg as { status?: number } | undefined)?.status ?? 200);

/**
 * Every single task or list answer carries its ETag (contract 8), whichever route made it
 * (create, read, update, complete, move, restore, quick add...): one rule here instead of
 * one line per handler. It looks at the object a handler passes to `c.json`, before it is
 * serialised: arrays and other bodies (pages, bulk results) have no `id` and `version` at the
 * top and get none. Reading the finished answer instead (a clone of its stream, then a second
 * JSON.parse) turned every single-task answer into a web-standard Response that the server
 * pumped as a stream (ADR 0081).
 */
export const etagHeader = createMiddleware<AppEnv>(async (c, next) => {
  const json = c.json;
  c.json = ((object: unknown, arg?: unknown, headers?: unknown) => {
    const body = object as Versioned | null;
    const status = statusOf(arg);
    if (
      (status === 200 || status === 201) &&
      body &&
      typeof body === "object" &&
      !Array.isArray(body) &&
      typeof body.id === "string" &&
      typeof body.version === "number"
    )
      c.header("ETag", etagOf(body.version));
    return (json as (o: unknown, a?: unknown, h?: unknown) => Response)(object, arg, headers);
  }) as typeof c.json;
  await next();
});
