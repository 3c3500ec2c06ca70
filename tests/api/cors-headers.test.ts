import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type SignedInUser, WEB_ORIGIN } from "./helpers/harness.ts";
import { call, tasksPath } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;
let token: string;

beforeAll(async () => {
  user = await h.signIn();
  token = user.token;
});
afterAll(() => h.close());

const preflight = (origin: string, method = "POST", path = tasksPath(user.id)) =>
  call(h.app, "OPTIONS", path, {
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": "authorization, content-type",
    },
  });
const lower = (v: string | null) => (v ?? "").toLowerCase();

describe("CORS for the configured web origin", () => {
  it("answers a preflight with that origin, the methods and the headers the web needs", async () => {
    const res = await preflight(WEB_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    const methods = lower(res.headers.get("access-control-allow-methods"));
    for (const m of ["get", "post", "put", "patch", "delete"]) expect(methods).toContain(m);
    const headers = lower(res.headers.get("access-control-allow-headers"));
    expect(headers).toContain("authorization");
    expect(headers).toContain("content-type");
    expect(lower(res.headers.get("vary"))).toContain("origin");
  });

  it("preflights PATCH .../complete too", async () => {
    const res = await preflight(
      WEB_ORIGIN,
      "PATCH",
      `${tasksPath(user.id)}/00000000-0000-4000-8000-000000000000/complete`,
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
  });

  it("allows simple and authenticated requests, exposing Location", async () => {
    const health = await call(h.app, "GET", "/health", { headers: { origin: WEB_ORIGIN } });
    expect(health.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    const created = await call(h.app, "POST", tasksPath(user.id), {
      token,
      body: { title: "cors" },
      headers: { origin: WEB_ORIGIN },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(lower(created.headers.get("access-control-expose-headers"))).toContain("location");
  });

  it("lets the web read error bodies (401 carries the CORS header)", async () => {
    const res = await call(h.app, "GET", tasksPath(user.id), { headers: { origin: WEB_ORIGIN } });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(lower(res.headers.get("access-control-expose-headers"))).toContain("www-authenticate");
  });
});

describe("CORS for any other origin", () => {
  it.each([
    ["an unrelated site", "https://evil.example"],
    ["the web origin as a prefix", `${WEB_ORIGIN}.evil.example`],
    ["another scheme", WEB_ORIGIN.replace("http:", "https:")],
    ["another port", "http://web.example.test:3001"],
    ["the null origin", "null"],
  ])("%s gets no Access-Control-Allow-Origin", async (_name, origin) => {
    const pre = await preflight(origin);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const simple = await call(h.app, "GET", "/health", { headers: { origin } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get("access-control-allow-origin")).toBeNull();
    const authed = await call(h.app, "GET", tasksPath(user.id), { token, headers: { origin } });
    expect(authed.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("is never answered with a wildcard", async () => {
    for (const origin of [WEB_ORIGIN, "https://evil.example"]) {
      const res = await preflight(origin);
      expect(res.headers.get("access-control-allow-origin")).not.toBe("*");
    }
  });

  it("allows each origin listed in CORS_ORIGINS and no other", async () => {
    const multi = createHarness({
      env: { WEB_ORIGIN: undefined, CORS_ORIGINS: "https://a.example, https://b.example:8443" },
    });
    try {
      for (const origin of ["https://a.example", "https://b.example:8443"]) {
        const res = await call(multi.app, "GET", "/health", { headers: { origin } });
        expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      }
      const other = await call(multi.app, "GET", "/health", { headers: { origin: WEB_ORIGIN } });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await multi.close();
    }
  });
});

describe("security headers", () => {
  it.each([
    ["/health (200)", () => call(h.app, "GET", "/health")],
    ["the task list (200)", () => call(h.app, "GET", tasksPath(user.id), { token })],
    ["a 401", () => call(h.app, "GET", tasksPath(user.id))],
    ["a 404", () => call(h.app, "GET", "/nowhere")],
    ["a 422", () => call(h.app, "POST", tasksPath(user.id), { token, body: { title: "" } })],
    ["/docs", () => call(h.app, "GET", "/docs")],
  ])("on %s: nosniff, no framing, no referrer", async (_name, send) => {
    const res = await send();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = res.headers.get("content-security-policy") ?? "";
    const xfo = res.headers.get("x-frame-options") ?? "";
    expect(csp.includes("frame-ancestors 'none'") || xfo.toUpperCase() === "DENY").toBe(true);
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("the precomputed header set (ADR 0077)", () => {
  const expected = {
    "content-security-policy":
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-site",
    "origin-agent-cluster": "?1",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "DENY",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
  };
  const pick = (res: Response) => Object.fromEntries(Object.keys(expected).map((k) => [k, res.headers.get(k)]));

  it("is on answers, errors and preflights alike, with no HSTS (the TLS terminator sets it)", async () => {
    const answers = [
      await call(h.app, "GET", tasksPath(user.id), { token, headers: { origin: WEB_ORIGIN } }),
      await call(h.app, "GET", "/nowhere"),
      await preflight(WEB_ORIGIN),
    ];
    for (const res of answers) {
      expect(pick(res)).toEqual(expected);
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("varies on Origin and exposes the same list to every allowed answer", async () => {
    const res = await call(h.app, "GET", tasksPath(user.id), { token, headers: { origin: WEB_ORIGIN } });
    expect(lower(res.headers.get("vary"))).toContain("origin");
    expect(res.headers.get("access-control-expose-headers")).toBe(
      "Location,Link,Content-Disposition,X-Request-Id,WWW-Authenticate,Retry-After,RateLimit,RateLimit-Policy,ETag,Idempotent-Replayed",
    );
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,64}$/);
  });
});
