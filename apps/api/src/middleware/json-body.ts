import { createMiddleware } from "hono/factory";
import { AppError } from "../errors/app-error.ts";
import type { AppEnv } from "../lib/context.ts";

export const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const hasBody = (req: Request) =>
  req.headers.get("transfer-encoding") !== null || Number(req.headers.get("content-length") ?? "0") > 0;

/**
 * Guards every body before validation: 413 over 64 KiB (checked on the bytes
 * read, not only the declared length), 415 unless JSON, 400 when it does not
 * parse. The parsed value is cached by Hono, so the validator reads it again for free.
 */
export const jsonBody = (isOptional: (path: string) => boolean = () => false) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
    const raw = c.req.raw;
    if (!hasBody(raw) && isOptional(c.req.path)) return next();
    const declared = Number(raw.headers.get("content-length") ?? "0");
    if (declared > MAX_BODY_BYTES) throw tooLarge();
    const type = raw.headers.get("content-type") ?? "";
    if (!JSON_TYPE.test(type)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
    }
    const bytes = await readLimited(raw);
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

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);

async function readLimited(req: Request): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
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
