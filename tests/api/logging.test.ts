import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { call, tasksPath } from "./helpers/http.ts";
import { mintToken, TEST_SECRET } from "./helpers/tokens.ts";

const h = createHarness();
let user: SignedInUser;
let token: string;

beforeAll(async () => {
  user = await h.signIn();
  token = user.token;
});
afterAll(() => h.close());

type Line = Record<string, unknown>;
const parsed = (): Line[] => h.logs.map((l) => JSON.parse(l) as Line);
const requestLine = (requestId: string) => parsed().find((l) => l.msg === "request" && l.request_id === requestId);

describe("request logs", () => {
  it("are one JSON line per request with request_id, method, path and status", async () => {
    const res = await call(h.app, "GET", `${tasksPath(user.id)}?status=pending`, { token });
    expect(res.status).toBe(200);
    const requestId = res.headers.get("x-request-id") ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = requestLine(requestId);
    expect(line).toMatchObject({
      level: "info",
      method: "GET",
      path: tasksPath(user.id),
      status: 200,
      user_id: user.id,
      request_id: requestId,
    });
    expect(typeof line?.time).toBe("string");
    expect(typeof line?.duration_ms).toBe("number");
    expect(parsed().filter((l) => l.request_id === requestId && l.msg === "request")).toHaveLength(1);
  });

  it("log errors with their status and the same id the problem body carries", async () => {
    const res = await call(h.app, "POST", tasksPath(user.id), { token, body: { title: "" } });
    const body = (await res.json()) as { request_id?: string };
    expect(res.status).toBe(422);
    expect(body.request_id).toBe(res.headers.get("x-request-id"));
    expect(requestLine(body.request_id ?? "")).toMatchObject({ method: "POST", status: 422 });
  });

  it("keep a safe caller-supplied X-Request-Id and replace an unsafe one", async () => {
    const safe = await call(h.app, "GET", "/health", { headers: { "x-request-id": "trace-1234abcd" } });
    expect(safe.headers.get("x-request-id")).toBe("trace-1234abcd");
    expect(requestLine("trace-1234abcd")).toMatchObject({ path: "/health", status: 200 });

    const evil = 'x" , "level":"error';
    const replaced = await call(h.app, "GET", "/health", { headers: { "x-request-id": evil } });
    const id = replaced.headers.get("x-request-id") ?? "";
    expect(id).not.toBe(evil);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.logs.join("\n")).not.toContain(evil);
  });
});

describe("what is never logged", () => {
  it("tokens, Authorization headers, the secret, or task bodies", async () => {
    const wrongSecret = await mintToken(user.id, { secret: "another-secret-another-secret-12345" });
    const basic = `Basic ${Buffer.from("someone:hunter2-password").toString("base64")}`;
    const title = "log-canary-title-7f3a";
    await call(h.app, "POST", tasksPath(user.id), { token, body: { title, description: "log-canary-description" } });
    await call(h.app, "GET", tasksPath(user.id), { token: wrongSecret });
    await call(h.app, "GET", tasksPath(user.id), { token: "garbage-token-value-9c1e" });
    await call(h.app, "GET", tasksPath(user.id), { headers: { authorization: basic } });

    const all = h.logs.join("\n");
    expect(h.logs.length).toBeGreaterThanOrEqual(4);
    for (const secret of [
      token,
      token.split(".")[2] ?? "unreachable",
      wrongSecret,
      "garbage-token-value-9c1e",
      basic,
      "hunter2",
      TEST_SECRET,
      title,
      "log-canary-description",
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all.toLowerCase()).not.toContain("bearer");
    expect(all.toLowerCase()).not.toContain("authorization");
    const statuses = parsed()
      .filter((l) => l.msg === "request")
      .slice(-4)
      .map((l) => l.status);
    expect(statuses).toEqual([201, 401, 401, 401]);
  });
});
