import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context.ts";

// Everything below is worked out once, when the app is built: per request only the Origin
// lookup and the header writes remain (Hono's cors and secureHeaders re-derived theirs, and
// cors touched c.res before the handler, which made Hono copy the answer's headers into a new
// Response afterwards).

/** The API serves JSON (and /docs from its own origin): nothing may frame, sniff or embed it. */
const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  [
    "Content-Security-Policy",
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  ],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-site"],
  ["Origin-Agent-Cluster", "?1"],
  ["Referrer-Policy", "no-referrer"],
  // HSTS only means something over HTTPS; the TLS terminator in production sets it.
  ["X-Content-Type-Options", "nosniff"],
  ["X-DNS-Prefetch-Control", "off"],
  ["X-Download-Options", "noopen"],
  ["X-Frame-Options", "DENY"],
  ["X-Permitted-Cross-Domain-Policies", "none"],
  ["X-XSS-Protection", "0"],
];

const ALLOW_METHODS = "GET,POST,PUT,PATCH,DELETE,OPTIONS";
const ALLOW_HEADERS = "Authorization,Content-Type,X-Request-Id,If-Match,Idempotency-Key";
/** What the web may read from an answer besides the CORS-safelisted headers. */
const EXPOSE_HEADERS = [
  "Location",
  "Link",
  "Content-Disposition",
  "X-Request-Id",
  "WWW-Authenticate",
  "Retry-After",
  "RateLimit",
  "RateLimit-Policy",
  "ETag",
  "Idempotent-Replayed",
].join(",");
const PREFLIGHT_MAX_AGE = "600";

/**
 * CORS for the configured origins only (an exact match, never `*`) and the security headers,
 * on every answer including errors. A preflight (OPTIONS) is answered here with 204.
 */
export function responseHeaders(corsOrigins: readonly string[]) {
  const allowed = new Set(corsOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header("origin");
    const allowOrigin = origin !== undefined && allowed.has(origin) ? origin : undefined;
    if (c.req.method === "OPTIONS") {
      const headers = new Headers(SECURITY_HEADERS as [string, string][]);
      if (allowOrigin) {
        headers.set("Access-Control-Allow-Origin", allowOrigin);
        headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
      }
      headers.set("Access-Control-Max-Age", PREFLIGHT_MAX_AGE);
      headers.set("Access-Control-Allow-Methods", ALLOW_METHODS);
      headers.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
      headers.set("Vary", "Origin, Access-Control-Request-Headers");
      return new Response(null, { status: 204, headers });
    }
    await next();
    // Written on the answer's own headers: c.header() after the handler would turn the answer
    // into a web-standard Response first (a copy of its body and headers on @hono/node-server).
    const headers = c.res.headers;
    for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
    if (allowOrigin) {
      headers.set("Access-Control-Allow-Origin", allowOrigin);
      headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
    headers.append("Vary", "Origin");
  });
}
