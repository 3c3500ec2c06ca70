import { createMiddleware } from "hono/factory";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";
import { readLimited } from "./json-body.ts";

/**
 * The body guard of a file upload (the import): the same "count the bytes as they arrive"
 * cut-off as the JSON guard, with the route's own limit, so one route can take 5 MiB while
 * every other keeps 64 KiB. The bytes read are handed on as the request's body.
 */
export const uploadBody = (max: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== "POST") return next();
    const raw = c.req.raw;
    const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${max / 1024 / 1024} MiB.`);
    if (Number(raw.headers.get("content-length") ?? "0") > max) throw tooLarge();
    const bytes = await readLimited(raw, max, tooLarge);
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: bytes });
    await next();
  });
