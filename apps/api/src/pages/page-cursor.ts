import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors/app-error.ts";

/**
 * Opaque keyset cursors: `base64url(json).base64url(hmac)`. The HMAC key is derived from
 * BETTER_AUTH_SECRET (HKDF, its own label), and the payload binds the cursor to the
 * query's filters and sort, so a cursor cannot be forged, edited or reused on another
 * query: any of that is 400, never a wrong page.
 */
export interface CursorCodec {
  encode: (scope: unknown, key: unknown[]) => string;
  decode: (cursor: string, scope: unknown) => unknown[];
}

const badCursor = () =>
  new AppError(
    "BAD_REQUEST",
    "The cursor is malformed, was altered, or belongs to another query; start from the first page.",
  );

const fingerprint = (scope: unknown) => createHash("sha256").update(JSON.stringify(scope)).digest("base64url");

export function createCursorCodec(secret: string): CursorCodec {
  const key = Buffer.from(hkdfSync("sha256", secret, "todo-api", "page-cursor v1", 32));
  const sign = (payload: string) => createHmac("sha256", key).update(payload).digest();
  return {
    encode(scope, values) {
      const payload = Buffer.from(JSON.stringify({ s: fingerprint(scope), k: values })).toString("base64url");
      return `${payload}.${sign(payload).toString("base64url")}`;
    },
    decode(cursor, scope) {
      const [payload, mac, extra] = cursor.split(".");
      if (!payload || !mac || extra !== undefined) throw badCursor();
      const given = Buffer.from(mac, "base64url");
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badCursor();
      let parsed: { s?: unknown; k?: unknown };
      try {
        parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        throw badCursor();
      }
      if (parsed.s !== fingerprint(scope) || !Array.isArray(parsed.k)) throw badCursor();
      return parsed.k;
    },
  };
}

/** `Link: <next>; rel="next"`: the request's own path and parameters, with the new cursor. */
export function nextLink(requestUrl: string, cursor: string): string {
  const url = new URL(requestUrl);
  url.searchParams.set("cursor", cursor);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
