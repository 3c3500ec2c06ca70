import { afterAll, describe, expect, it } from "vitest";
import { eventsSetup } from "../../apps/api/src/sync/notifier.ts";
import { createHarness, WEB_ORIGIN } from "./helpers/harness.ts";

const h = createHarness();
afterAll(() => h.close());

type Op = { parameters?: { name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> };

describe("contract 8 and 9 in the OpenAPI document", () => {
  it("documents If-Match and 412 on every precondition route, Idempotency-Key on every write, ETag, /changes and /events", async () => {
    const doc = (await (await h.app.request("/openapi.json")).json()) as { paths: Record<string, Record<string, Op>> };
    const op = (path: string, method: string) => doc.paths[`/api/{user_id}/${path}`]?.[method] as Op;
    const params = (o: Op) => (o.parameters ?? []).map((p) => p.name);
    for (const [path, method] of [
      ["tasks/{id}", "put"],
      ["tasks/{id}", "delete"],
      ["tasks/{id}/complete", "patch"],
      ["tasks/{id}/move", "post"],
      ["lists/{id}", "put"],
      ["lists/{id}", "delete"],
      ["lists/{id}/move", "post"],
    ] as const) {
      expect(params(op(path, method)), `${method} ${path}`).toContain("If-Match");
      expect(op(path, method).responses, `${method} ${path}`).toHaveProperty("412");
    }
    expect(op("tasks/bulk", "post").responses).toHaveProperty("412");
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(item)) {
        if (path.startsWith("/api/{user_id}/") && method !== "get") {
          expect(params(o), `${method} ${path}`).toContain("Idempotency-Key");
          expect(o.responses, `${method} ${path}`).toHaveProperty("409");
        }
      }
    }
    expect(op("tasks/{id}", "get").responses["200"]?.headers).toHaveProperty("ETag");
    expect(op("lists/{id}", "get").responses["200"]?.headers).toHaveProperty("ETag");
    expect(op("changes", "get").responses).toHaveProperty("410");
    expect(op("events", "get").responses).toHaveProperty("200");
  });
});

describe("contract 9: where the event listener connects", () => {
  const direct = "postgres://u@ep-cool-123.eu-central-1.aws.neon.tech/db";
  const pooled = "postgres://u@ep-cool-123-pooler.eu-central-1.aws.neon.tech/db";
  it("listens on DATABASE_DIRECT_URL when given, polls behind a -pooler URL without one, obeys EVENTS_MODE", () => {
    expect(eventsSetup({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct })).toEqual({ mode: "listen", url: direct });
    expect(eventsSetup({ DATABASE_URL: pooled })).toEqual({ mode: "poll", url: pooled });
    expect(eventsSetup({ DATABASE_URL: direct })).toEqual({ mode: "listen", url: direct });
    expect(eventsSetup({ DATABASE_URL: direct, EVENTS_MODE: "poll" }).mode).toBe("poll");
    expect(eventsSetup({ DATABASE_URL: pooled, EVENTS_MODE: "listen" }).mode).toBe("listen");
  });
});

describe("contracts 8 and 9 across origins", () => {
  it("the web's origin may send If-Match and Idempotency-Key and read ETag and Idempotent-Replayed", async () => {
    const preflight = await h.app.request("/api/u1/tasks/t1", {
      method: "OPTIONS",
      headers: {
        origin: WEB_ORIGIN,
        "access-control-request-method": "PUT",
        "access-control-request-headers": "if-match,idempotency-key",
      },
    });
    const allowed = (preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    expect(allowed).toContain("if-match");
    expect(allowed).toContain("idempotency-key");
    const res = await h.app.request("/health", { headers: { origin: WEB_ORIGIN } });
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").toLowerCase();
    expect(exposed).toContain("etag");
    expect(exposed).toContain("idempotent-replayed");
  });
});
