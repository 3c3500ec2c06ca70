import { afterEach, describe, expect, it, vi } from "vitest";
import { createTaskApi } from "./api-client";
import type { ApiError } from "./api-error";

// The client's error handling in isolation: the token store and the network are
// stand-ins here; the real API is exercised by the e2e suite.
const task = {
  id: "t1",
  user_id: "u1",
  title: "x",
  description: null,
  completed: false,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
};

function setup(responses: Array<() => Response | Promise<Response>>) {
  let n = 0;
  const tokens = { get: vi.fn(async () => `token-${++n}`), invalidate: vi.fn() };
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const next = responses.shift();
    if (!next) throw new Error("unexpected request");
    return next();
  });
  vi.stubGlobal("fetch", fetch);
  return { api: createTaskApi({ apiUrl: "http://api.test", userId: "u1", tokens }), tokens, fetch };
}

const problem = (status: number, detail: string) =>
  new Response(JSON.stringify({ type: "urn:x", title: "t", status, detail }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("task API client", () => {
  it("on a 401 fetches a fresh token once and retries", async () => {
    const { api, tokens, fetch } = setup([() => new Response(null, { status: 401 }), () => Response.json([task])]);
    expect(await api.list()).toEqual([task]);
    expect(tokens.invalidate).toHaveBeenCalledTimes(1);
    const auth = fetch.mock.calls.map(([, init]) => new Headers(init?.headers).get("authorization"));
    expect(auth).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("on a 429 waits Retry-After once, then retries", async () => {
    const busy = () => problem(429, "Too many requests; try again in 1 s.");
    const { api, fetch } = setup([
      () => {
        const r = busy();
        r.headers.set("retry-after", "1");
        return r;
      },
      () => Response.json([task]),
    ]);
    const started = Date.now();
    expect(await api.list()).toEqual([task]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("a 429 that persists (or asks for a long wait) tells the person how long to wait", async () => {
    const long = problem(429, "Too many requests; try again in 40 s.");
    long.headers.set("retry-after", "40");
    const { api, fetch } = setup([() => long]);
    const error = (await api.list().catch((e: unknown) => e)) as ApiError;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error.status).toBe(429);
    expect(error.detail).toMatch(/faster than the server accepts\. Wait 40 s/);
  });

  it("gives up after a second 401 and reports the session as ended", async () => {
    const { api } = setup([() => new Response(null, { status: 401 }), () => new Response(null, { status: 401 })]);
    const error = await api.list().catch((e: unknown) => e);
    expect((error as ApiError).kind).toBe("session");
  });

  it("carries the server's detail when the API refuses a change", async () => {
    const { api } = setup([() => problem(404, "There is no task with that id in your list.")]);
    const error = (await api.setCompleted("t1", true).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe("refused");
    expect(error.detail).toBe("There is no task with that id in your list.");
  });

  it("treats a network failure and a gateway 503 as unreachable", async () => {
    const { api } = setup([
      () => {
        throw new TypeError("fetch failed");
      },
      () => new Response("Service Unavailable", { status: 503 }),
    ]);
    expect(((await api.list().catch((e: unknown) => e)) as ApiError).kind).toBe("unreachable");
    expect(((await api.list().catch((e: unknown) => e)) as ApiError).kind).toBe("unreachable");
  });

  it("the API's own 503 (its database is away) is an outage with the server's words, so the banner shows", async () => {
    const { api } = setup([() => problem(503, "The database is not reachable right now. Try again in a moment.")]);
    const error = (await api.list().catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe("unreachable");
    expect(error.detail).toMatch(/database is not reachable/);
  });

  it("treats deleting an already deleted task as done", async () => {
    const { api } = setup([() => problem(404, "gone")]);
    await expect(api.remove("t1")).resolves.toBeUndefined();
  });
});
