import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, Deps } from "../lib/context.ts";
// Sync (issue 11): Idempotency-Key replay and the ETag of single-resource answers.
import { etagHeader } from "../sync/etag-header.ts";
import { idempotency } from "../sync/idempotency.ts";
import { requireUser } from "./auth.ts";
import { jsonBody } from "./json-body.ts";
import { requirePathOwner } from "./owner.ts";
import { rateLimit } from "./rate-limit.ts";

/**
 * Token check, then the user's request budget, then owner check, then body guard, in that
 * order and before any validator,
 * for every route under `/api/{user_id}/{resource}`. One pattern only: Hono's trailing
 * "/*" also matches the collection path itself, and a second registration ran the chain
 * twice (the body guard then read an empty stream).
 */
export function ownedRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: Deps,
  resource: string,
  bodyIsOptional: (path: string) => boolean = () => false,
): void {
  app.use(
    `/api/:user_id/${resource}/*`,
    requireUser(deps),
    rateLimit({ pool: deps.pool, redis: deps.redis, perMinute: deps.env.API_RATE_LIMIT }),
    requirePathOwner,
    jsonBody(bodyIsOptional),
    idempotency(deps.db),
    etagHeader,
  );
}
