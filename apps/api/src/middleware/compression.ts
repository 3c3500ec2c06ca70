import { promisify } from "node:util";
import { brotliCompress, constants, deflate, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";

/** Below this a compressed body saves less than it costs (headers, CPU, a packet either way). */
export const COMPRESS_MIN_BYTES = 1024;

// Whole JSON answers only (application/json, application/problem+json). An event stream is never
// compressed: a compressor buffers, and each event must reach the client as it is written.
const COMPRESSIBLE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const deflateAsync = promisify(deflate);

// Preferred first when the client weighs them equally. Brotli at quality 4: the default (11)
// is made for static files and costs tens of milliseconds per page of tasks.
const ENCODERS = {
  br: (body: Uint8Array) =>
    brotli(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
    }),
  gzip: (body: Uint8Array) => gzipAsync(body),
  deflate: (body: Uint8Array) => deflateAsync(body),
} as const;
type Encoding = keyof typeof ENCODERS;

/** The encoding the client weighs highest (RFC 9110 12.5.3), ours breaking ties; none when q=0 or absent. */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = parseAccept(header);
  const weight = (name: string) =>
    accepted.find((a) => a.type.toLowerCase() === name)?.q ?? accepted.find((a) => a.type === "*")?.q ?? 0;
  let best: { encoding: Encoding; q: number } | null = null;
  for (const encoding of Object.keys(ENCODERS) as Encoding[]) {
    const q = weight(encoding);
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding ?? null;
}

const appendVary = (current: string | null) =>
  !current
    ? "Accept-Encoding"
    : /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)
      ? current
      : `${current}, Accept-Encoding`;

/** JSON answers of 1 KiB or more are compressed (br, gzip or deflate) when the client accepts it. */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    const type = response.headers.get("Content-Type") ?? "";
    // No `response.body` here: on @hono/node-server reading it turns the light answer into a
    // web-standard Response (a stream the server then pumps) for every JSON answer (ADR 0077).
    if (!COMPRESSIBLE.test(type) || c.req.method === "HEAD" || response.status === 204 || response.status === 304)
      return;
    // An answer with an ETag (one resource; the sync work's If-Match) is left whole: compressing
    // would make its strong tag name another representation, and If-Match compares strongly.
    if (response.headers.has("Content-Encoding") || response.headers.has("ETag")) return;
    // A download (the export) is streamed batch by batch so 100,000 tasks never sit in memory;
    // compressing it here would read it whole first. Downloads go out as they are written.
    if (response.headers.has("Content-Disposition")) return;
    // The answer depends on Accept-Encoding from here on, whatever this client sent.
    response.headers.set("Vary", appendVary(response.headers.get("Vary")));
    const encoding = chooseEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const body = new Uint8Array(await response.arrayBuffer());
    const compressed = body.byteLength >= COMPRESS_MIN_BYTES ? await ENCODERS[encoding](body) : null;
    c.res = new Response(compressed ?? body, response);
    if (!compressed) return;
    c.res.headers.set("Content-Encoding", encoding);
    c.res.headers.set("Content-Length", String(compressed.byteLength));
  };
}
