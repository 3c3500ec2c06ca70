import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../lib/context.ts";
import { withSyncHeaders } from "../sync/openapi-headers.ts";

// Swagger UI is served from our own origin (no CDN): the reference works offline
// and under a strict CSP.
const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Todo API reference</title><link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;
const init = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#ui", deepLinking: true });`;

export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  const config: Parameters<typeof app.getOpenAPI31Document>[0] = {
    openapi: "3.1.0",
    info: {
      title: "Todo API",
      version: "1.1.0",
      license: { name: "Proprietary" },
      description:
        "Per-user tasks. Every /api route needs `Authorization: Bearer <JWT>` issued by the web's `GET /api/auth/token`; errors are RFC 9457 problem JSON.",
    },
    servers: [{ url: "/", description: "The origin serving this document (http://localhost:8000 with `npm start`)" }],
    tags: [
      { name: "tasks", description: "Your tasks: create, read, update, complete, query in pages, move, bulk changes." },
      { name: "lists", description: "Lists that group tasks, in manual order." },
      { name: "labels", description: "Labels that live on tasks." },
      { name: "trash", description: "Deleted tasks, kept 30 days." },
      {
        name: "sync",
        description:
          "Change feed and live events. Single task/list answers carry `ETag`; writes take `If-Match` (412 with `current` " +
          "when stale) and `Idempotency-Key` (replayed with `Idempotent-Replayed: true`).",
      },
      { name: "service", description: "Liveness and readiness, no token." },
    ],
  };
  app.get("/openapi.json", (c) => c.json(withSyncHeaders(app.getOpenAPI31Document(config))));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "HS256 JWT from the web (iss = the web origin, aud = todo-api, at most 15 minutes).",
  });
  app.get("/docs", (c) => c.html(page));
  app.get("/docs/init.js", (c) => c.body(init, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  app.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file");
    const type = ASSETS[file];
    if (!type) return c.notFound();
    return c.body(await readFile(join(swaggerDir, file)), 200, {
      "Content-Type": type,
      "Cache-Control": "public, max-age=86400",
    });
  });
}
