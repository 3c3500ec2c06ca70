import { createHash } from "node:crypto";
import type { Database } from "@todo/db";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Kysely } from "kysely";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";
import { claimKey, releaseKey, type StoredAnswer, storeAnswer } from "./idempotency-store.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// 1 to 255 visible ASCII characters (contract 8).
const KEY = /^[\x21-\x7e]{1,255}$/;
// The headers a replay must give back; the rest (request id, rate limit) belong to the new request.
const KEPT = ["content-type", "location", "etag", "link"];

const badKey = () =>
  new AppError("BAD_REQUEST", "Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces).");
const otherRequest = () =>
  new AppError("VALIDATION", "This Idempotency-Key was already used for a different request; use a new key.", {
    errors: [{ field: "Idempotency-Key", message: "was used with another method, path or body" }],
  });
const stillRunning = () =>
  new AppError("CONFLICT", "A request with this Idempotency-Key is still running; repeat it once that one answers.", {
    headers: { "Retry-After": "1" },
  });

/**
 * The request's fingerprint: method, path with query, and the body: the JSON the body guard
 * already parsed, else the raw bytes (cached by Hono, so the handler can still read them).
 */
async function fingerprint(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  const hash = createHash("sha256").update(`${c.req.method}\n${url.pathname}${url.search}\n`);
  const cached = c.req.bodyCache.json;
  if (cached) hash.update(JSON.stringify(await cached));
  else if (c.req.raw.body) hash.update(new Uint8Array(await c.req.arrayBuffer()));
  return hash.digest("base64url");
}

function replay(stored: StoredAnswer): Response {
  const headers = new Headers(stored.headers ?? {});
  headers.set("Idempotent-Replayed", "true");
  return new Response(stored.status === 204 ? null : stored.body, { status: stored.status ?? 500, headers });
}

/**
 * Idempotency-Key on any write (contract 8, ADR 0051): the first request claims the key in
 * PostgreSQL (so it holds across instances), runs, and stores its answer; a repeat within
 * 24 hours gets that answer again with `Idempotent-Replayed: true`, a different request
 * with the same key 422, a repeat while the first still runs 409. Keys are per user.
 * Runs after the token check (needs the user) and the body guard (hashes the parsed body).
 */
export const idempotency = (db: Kysely<Database>) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined || !WRITES.has(c.req.method)) return next();
    if (!KEY.test(key)) throw badKey();
    const request = {
      userId: c.get("userId"),
      key,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      bodyHash: await fingerprint(c),
    };
    const stored = await claimKey(db, request);
    if (stored) {
      if (stored.method !== request.method || stored.path !== request.path || stored.body_hash !== request.bodyHash)
        throw otherRequest();
      if (stored.status === null) throw stillRunning();
      return replay(stored);
    }
    await next();
    const res = c.res;
    // Our failure (5xx, or the client hung up): nothing worth replaying, a retry does the work.
    if (res.status >= 499) return void (await releaseKey(db, request).catch(() => {}));
    const headers: Record<string, string> = {};
    for (const h of KEPT) {
      const value = res.headers.get(h);
      if (value !== null) headers[h] = value;
    }
    await storeAnswer(db, request, { status: res.status, headers, body: await res.clone().text() });
  });
