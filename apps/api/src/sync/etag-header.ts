import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import { etagOf } from "./preconditions.ts";

/**
 * Every single task or list answer carries its ETag (contract 8), whichever route made it
 * (create, read, update, complete, move, restore, quick add...): one rule here instead of
 * one line per handler. Arrays and other bodies (pages, bulk results) have no `version`
 * at the top and get none. Collection reads are skipped without reading their body.
 */
export const etagHeader = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const res = c.res;
  if (res.status !== 200 && res.status !== 201) return;
  if (!res.headers.get("content-type")?.startsWith("application/json")) return;
  if (c.req.method === "GET" && c.req.path.split("/").filter(Boolean).length < 4) return;
  const text = await res.clone().text();
  if (!text.startsWith("{")) return;
  const body = JSON.parse(text) as { id?: unknown; version?: unknown };
  if (typeof body.id === "string" && typeof body.version === "number") res.headers.set("ETag", etagOf(body.version));
});
