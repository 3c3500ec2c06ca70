import { randomUUID } from "node:crypto";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";
import type { Logger } from "../lib/logger.ts";

// A caller-supplied id is kept only if it is short and boring, so it cannot inject into logs.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Gives every request an id (echoed as X-Request-Id) and logs one line when it finishes. */
export const requestContext = (logger: Logger) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("logger", log);
    const started = performance.now();
    await next();
    // On the answer's own headers: c.header() after the handler makes Hono copy the answer, and
    // @hono/node-server then turn it into a web-standard Response (ADR 0077).
    c.res.headers.set("X-Request-Id", requestId);
    const status = c.res.status;
    const aborted = c.req.raw.signal.aborted;
    log[status >= 500 && !aborted ? "error" : "info"]("request", {
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get("userId") ? { user_id: c.get("userId") } : {}),
      ...(aborted ? { aborted: true } : {}),
    });
  });
