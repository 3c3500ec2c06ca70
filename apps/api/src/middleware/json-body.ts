import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";

export const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Guards every body before validation: 413 over 64 KiB (checked on the bytes
 * read, not only the declared length), 415 unless JSON, 400 when it does not
 * parse. The parsed value is cached by Hono, so the validator reads it again for free.
 */
export const jsonBody = (isOptional: (path: string) => boolean = () => false) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
    const raw = c.req.raw;
    const optional = isOptional(c.req.path);
    if (Number(raw.headers.get("content-length") ?? "0") > MAX_BODY_BYTES) throw tooLarge();
    const isJson = JSON_TYPE.test(raw.headers.get("content-type") ?? "");
    if (!isJson && !optional) throw unsupported();
    const bytes = raw.body ? await readLimited(raw, MAX_BODY_BYTES, tooLarge) : new Uint8Array();
    if (bytes.byteLength === 0 && optional) return withoutBody(c, next);
    if (!isJson) throw unsupported();
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
    }
    // Hand the parsed value to the validator without a second read.
    c.req.bodyCache.json = Promise.resolve(parsed);
    await next();
  });

/**
 * An optional body that is absent (or empty) means "no body", whatever
 * Content-Type says: drop the header so the route's JSON validator does not try
 * to parse nothing and answer 400.
 */
function withoutBody(c: Context<AppEnv>, next: Next) {
  const headers = new Headers(c.req.raw.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers });
  return next();
}

const unsupported = () =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

/** The body's bytes, refused with `tooLarge()` as soon as more than `max` have arrived (whatever Content-Length said). */
export async function readLimited(req: Request, max: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
