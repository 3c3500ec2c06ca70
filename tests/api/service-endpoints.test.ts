import { afterAll, describe, expect, it } from "vitest";
import { createHarness } from "./helpers/harness.ts";
import { call, expectProblem } from "./helpers/http.ts";
import { freePort } from "./helpers/process.ts";

const h = createHarness();
afterAll(() => h.close());

describe("/health and /ready", () => {
  it("/health is 200 without a token", async () => {
    const res = await call(h.app, "GET", "/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/health echoes npm start's run id (START_RUN_ID), so its readiness wait knows its own API", async () => {
    process.env.START_RUN_ID = "run-8f2c";
    const started = createHarness();
    try {
      expect(await (await call(started.app, "GET", "/health")).json()).toEqual({ status: "ok", run_id: "run-8f2c" });
    } finally {
      delete process.env.START_RUN_ID;
      await started.close();
    }
  });

  it("/ready is 200 when the database answers", async () => {
    const res = await call(h.app, "GET", "/ready");
    expect(res.status).toBe(200);
    // database_id lets `npm run verify` prove web and API share one database.
    const { rows } = await h.database.pool.query<{ id: string }>(`select "id" from "database_identity"`);
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ status: "ok", database_id: rows[0]?.id });
  });

  it("/ready is 503 problem JSON when the database does not answer, /health stays 200", async () => {
    const port = await freePort(); // nothing listens there
    const down = createHarness({ databaseUrl: `postgres://postgres:pw@127.0.0.1:${port}/nowhere` });
    try {
      const started = Date.now();
      const body = await expectProblem(await call(down.app, "GET", "/ready"), 503);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(body.detail).toMatch(/database/i);
      expect(JSON.stringify(body)).not.toContain(String(port));
      expect(down.logs.some((l) => l.includes("readiness check failed"))).toBe(true);
      expect((await call(down.app, "GET", "/health")).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});

describe("/openapi.json", () => {
  type Operation = { responses: Record<string, unknown>; security?: unknown[] };
  type Doc = {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes?: Record<string, { type: string; scheme?: string }> };
  };
  const load = async () => {
    const res = await call(h.app, "GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    return (await res.json()) as Doc;
  };

  const EXPECTED: [string, string, string[]][] = [
    ["/api/{user_id}/tasks", "get", ["200", "400", "401", "403", "422"]],
    ["/api/{user_id}/tasks", "post", ["201", "400", "401", "403", "413", "415", "422"]],
    ["/api/{user_id}/tasks/{id}", "get", ["200", "401", "403", "404"]],
    ["/api/{user_id}/tasks/{id}", "put", ["200", "400", "401", "403", "404", "413", "415", "422"]],
    ["/api/{user_id}/tasks/{id}", "delete", ["204", "401", "403", "404"]],
    ["/api/{user_id}/tasks/{id}/complete", "patch", ["200", "400", "401", "403", "404", "413", "415", "422"]],
    ["/api/{user_id}/tasks/bulk", "post", ["200", "400", "401", "403", "404", "413", "415", "422"]],
    ["/api/{user_id}/tasks/parse", "post", ["200", "400", "401", "403", "413", "415", "422"]],
    ["/api/{user_id}/tasks/quick", "post", ["201", "400", "401", "403", "413", "415", "422"]],
    ["/api/{user_id}/tasks/{id}/move", "post", ["200", "400", "401", "403", "404", "413", "415", "422"]],
    ["/api/{user_id}/tasks/{id}/restore", "post", ["200", "401", "403", "404"]],
    ["/api/{user_id}/lists", "get", ["200", "401", "403"]],
    ["/api/{user_id}/lists", "post", ["201", "400", "401", "403", "409", "413", "415", "422"]],
    ["/api/{user_id}/lists/{id}", "get", ["200", "401", "403", "404"]],
    ["/api/{user_id}/lists/{id}", "put", ["200", "400", "401", "403", "404", "409", "413", "415", "422"]],
    ["/api/{user_id}/lists/{id}", "delete", ["204", "401", "403", "404"]],
    ["/api/{user_id}/lists/{id}/move", "post", ["200", "400", "401", "403", "404", "422"]],
    ["/api/{user_id}/labels", "get", ["200", "401", "403"]],
    ["/api/{user_id}/labels/{name}", "put", ["204", "400", "401", "403", "404", "422"]],
    ["/api/{user_id}/labels/{name}", "delete", ["204", "401", "403", "404"]],
    ["/api/{user_id}/trash", "get", ["200", "400", "401", "403", "422"]],
    ["/api/{user_id}/trash", "delete", ["204", "401", "403"]],
    ["/api/{user_id}/changes", "get", ["200", "400", "401", "403", "410"]],
    ["/api/{user_id}/events", "get", ["200", "401", "403"]],
    ["/health", "get", ["200"]],
    ["/ready", "get", ["200", "503"]],
  ];

  it("is OpenAPI 3.1 with a bearer security scheme", async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.components.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it.each(EXPECTED)("documents %s %s with its statuses", async (path, method, statuses) => {
    const doc = await load();
    const op = doc.paths[path]?.[method];
    expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
    for (const status of statuses) expect(Object.keys(op?.responses ?? {})).toContain(status);
    if (path.startsWith("/api/")) expect(op?.security).toEqual([{ bearerAuth: [] }]);
  });

  it("documents no route the app does not serve", async () => {
    const doc = await load();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(EXPECTED.map(([p, m]) => `${m} ${p}`).sort());
  });

  it("describes the task body from the validating schema (server-owned fields are not writable)", async () => {
    const doc = (await load()) as Doc & {
      components: { schemas: Record<string, { properties: object; additionalProperties?: boolean }> };
    };
    const create = doc.components.schemas.TaskCreate;
    expect(Object.keys(create?.properties ?? {}).sort()).toEqual([
      "completed",
      "description",
      "due_date",
      "due_time",
      "labels",
      "list_id",
      "priority",
      "recurrence",
      "title",
    ]);
    expect(create?.additionalProperties).toBe(false);
    expect(Object.keys(doc.components.schemas.Task?.properties ?? {})).toContain("created_at");
  });
});

describe("/docs", () => {
  it("serves HTML whose scripts and styles come from the same origin and load", async () => {
    const res = await call(h.app, "GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThanOrEqual(2);
    // The CSP allows only 'self' scripts: no inline script, no other origin.
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^\/(?!\/)/);
      const asset = await call(h.app, "GET", ref);
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, ref).toBeGreaterThan(10);
    }
    const js = refs.filter((r) => r.endsWith(".js"));
    expect(js.length).toBeGreaterThanOrEqual(2);
    const init = await (await call(h.app, "GET", "/docs/init.js")).text();
    expect(init).toContain("/openapi.json");
  });

  it("serves only its own assets", async () => {
    await expectProblem(await call(h.app, "GET", "/docs/assets/package.json"), 404);
    await expectProblem(await call(h.app, "GET", "/docs/assets/..%2F..%2Fpackage.json"), 404);
  });
});

describe("unknown routes", () => {
  it.each([
    ["GET", "/does-not-exist"],
    ["POST", "/health"],
    ["GET", "/api"],
    ["DELETE", "/openapi.json"],
  ])("%s %s: 404 problem JSON", async (method, path) => {
    const body = await expectProblem(await call(h.app, method as "GET", path), 404);
    expect(body.title).toBe("Not Found");
  });
});
