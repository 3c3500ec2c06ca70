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
  list_id: null,
  due_date: null,
  due_time: null,
  priority: 4,
  labels: [],
  recurrence: null,
  recurring_task_id: null,
  position: "a0",
  completed_at: null,
  version: 1,
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

  it("carries a refusal's problem type and Retry-After, so the queue can tell a running twin (ADR 0150)", async () => {
    const running = () =>
      new Response(
        JSON.stringify({ type: "urn:todo:problem:still-running", title: "Still Running", status: 409, detail: "d" }),
        { status: 409, headers: { "content-type": "application/problem+json", "retry-after": "2" } },
      );
    const { api } = setup([running, () => problem(409, "A list with that name exists.")]);
    const twin = (await api.write("POST", "/tasks", {}, {}).catch((e: unknown) => e)) as ApiError;
    expect(twin.problem).toEqual({ type: "urn:todo:problem:still-running", retryAfter: 2 });
    const clash = (await api.write("POST", "/lists", {}, {}).catch((e: unknown) => e)) as ApiError;
    expect(clash.problem).toEqual({ type: "urn:x" });
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

  it("follows the Link header's next page, relative or absolute, and stops on the last", async () => {
    const { api, fetch } = setup([
      () => Response.json([task], { headers: { link: '</api/u1/tasks?cursor=abc&sort=due>; rel="next"' } }),
      () => Response.json([], { headers: { link: '<http://api.test/api/u1/tasks?cursor=def>; rel="next"' } }),
      () => Response.json([]),
    ]);
    const first = await api.tasks(new URLSearchParams({ sort: "due" }));
    expect(first.next).toBe("http://api.test/api/u1/tasks?cursor=abc&sort=due");
    const second = await api.tasks(first.next as string);
    expect((await api.tasks(second.next as string)).next).toBeNull();
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      "http://api.test/api/u1/tasks?sort=due",
      "http://api.test/api/u1/tasks?cursor=abc&sort=due",
      "http://api.test/api/u1/tasks?cursor=def",
    ]);
  });

  it("never sends the token to another origin named in a Link header", async () => {
    const { api, fetch } = setup([
      () => Response.json([task], { headers: { link: '<https://evil.test/x>; rel="next"' } }),
    ]);
    const first = await api.tasks(new URLSearchParams());
    const error = (await api.tasks(first.next as string).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe("refused");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("reports every answer from the API, so stale 'not saved' messages can clear", async () => {
    let answers = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => problem(422, "nope")),
    );
    const api = createTaskApi({
      apiUrl: "http://api.test",
      userId: "u1",
      tokens: { get: async () => "t", invalidate: () => {} },
      onAnswer: () => answers++,
    });
    await api.update("t1", { title: "x" }).catch(() => {});
    expect(answers).toBe(1);
  });
});
