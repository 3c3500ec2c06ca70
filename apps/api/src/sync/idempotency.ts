import { createHash } from "node:crypto";
import { type Database, inRequestTransaction } from "@todo/db";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Kysely } from "kysely";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";
import { lookUpKey, type StoredAnswer, storeAnswer } from "./idempotency-store.ts";

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
  // Its own problem type (urn:todo:problem:still-running): clients tell it from a refusing 409.
  new AppError(
    "STILL_RUNNING",
    "A request with this Idempotency-Key is still running; repeat it once that one answers.",
    {
      headers: { "Retry-After": "1" },
    },
  );

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

// Thrown inside a transaction only to roll it back; never leaves this file.
const UNDO = Symbol("undo");

/**
 * Idempotency-Key on any write (contract 8, ADR 0055): the whole request runs in one
 * PostgreSQL transaction that the services' queries join, and its answer is stored in that
 * same transaction, so a retry after any crash finds either the stored answer (the work was
 * done once) or nothing (the work was not done). The key's advisory lock, taken first and
 * without waiting, makes a repeat while the first still runs 409 on any instance. A repeat
 * within 24 hours replays the answer with `Idempotent-Replayed: true`; another request with
 * the same key is 422. Keys are per user. Runs after the token check (needs the user) and
 * the body guard (hashes the parsed body).
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
    try {
      return await inRequestTransaction(db, async (trx) => {
        const stored = await lookUpKey(trx, request);
        if (stored === "running") throw stillRunning();
        if (stored) {
          if (stored.method !== request.method || stored.path !== request.path || stored.body_hash !== request.bodyHash)
            throw otherRequest();
          if (stored.status === null) throw stillRunning();
          return replay(stored);
        }
        // Services' own transactions are savepoints in this one: a refused write (412, a
        // constraint's 422) is undone and leaves the transaction usable for its record.
        await next();
        const res = c.res;
        // Our failure (5xx), or the client hung up: roll back the work with the record; a retry does it.
        if (res.status >= 499) throw UNDO;
        const headers: Record<string, string> = {};
        for (const h of KEPT) {
          const value = res.headers.get(h);
          if (value !== null) headers[h] = value;
        }
        await storeAnswer(trx, request, { status: res.status, headers, body: await res.clone().text() });
      });
    } catch (error) {
      if (error !== UNDO) throw error;
    }
  });
