/**
 * The web's production server: Next.js's own request handler (what `next start` runs), plus
 * brotli for the build's static scripts and styles (ADR 0139). `next start` compresses with
 * gzip only; brotli makes the same first-load JavaScript about 15% smaller, and a CDN in front
 * would do the same. Everything else (pages, API routes, proxy.ts, headers) is Next's.
 *
 *   node server.mjs [--port 3000] [--hostname 127.0.0.1]     (PORT also works)
 */
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { brotliCompress, constants } from "node:zlib";

process.env.NODE_ENV ??= "production";
const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname;
const dir = dirname(fileURLToPath(import.meta.url));
const staticRoot = join(dir, ".next", "static");

const TYPES = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8" };
// The same fixed headers next.config.ts gives every path (Next does not add them to what we serve).
const FIXED = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
};

/** Build files never change under their hashed names: each is compressed once, at quality 11. */
const compressed = new Map();
function brotliOf(file) {
  let entry = compressed.get(file);
  if (!entry) {
    entry = readFile(file).then(
      (raw) =>
        new Promise((resolve, reject) =>
          brotliCompress(
            raw,
            { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } },
            (error, out) => (error ? reject(error) : resolve(out)),
          ),
        ),
    );
    // A missing file is Next's to answer (404); do not remember the failure.
    entry.catch(() => compressed.delete(file));
    compressed.set(file, entry);
  }
  return entry;
}

/** The file a `/_next/static/…` script or style names, or null when it is not one (or escapes). */
function staticFile(url) {
  const path = url.split("?")[0];
  if (!path.startsWith("/_next/static/")) return null;
  const type = TYPES[path.slice(path.lastIndexOf("."))];
  if (!type) return null;
  let relative;
  try {
    relative = decodeURIComponent(path.slice("/_next/static/".length));
  } catch {
    return null;
  }
  const file = normalize(join(staticRoot, relative));
  return file.startsWith(staticRoot + sep) ? { file, type } : null;
}

/**
 * Every script and style of this build, for the service worker to keep after a first visit
 * (ADR 0147): the panels a page loads only when used (quick add's reader, the edit panel, the
 * bulk bar, other pages) are then there offline without the page fetching and running them early.
 */
const offlineFiles = JSON.stringify({
  files: (await readdir(staticRoot, { recursive: true }))
    .filter((file) => TYPES[extname(file)])
    .map((file) => `/_next/static/${file.split(sep).join("/")}`)
    .sort(),
});

const acceptsBrotli = (header) => typeof header === "string" && /\bbr\b/.test(header);

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/offline-files.json") {
    res.writeHead(200, { ...FIXED, "Content-Type": "application/json", "Cache-Control": "no-cache" });
    return res.end(offlineFiles);
  }
  const target =
    (req.method === "GET" || req.method === "HEAD") && acceptsBrotli(req.headers["accept-encoding"])
      ? staticFile(req.url ?? "")
      : null;
  if (target) {
    const body = await brotliOf(target.file).catch(() => null);
    if (body) {
      res.writeHead(200, {
        ...FIXED,
        "Content-Type": target.type,
        "Content-Encoding": "br",
        "Content-Length": body.length,
        "Cache-Control": "public, max-age=31536000, immutable",
        Vary: "Accept-Encoding",
      });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
  }
  return handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`> web ready on http://${hostname ?? "localhost"}:${port}`);
});

// As `next start` does: a stop signal ends the process cleanly (exit 0), open requests first.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
