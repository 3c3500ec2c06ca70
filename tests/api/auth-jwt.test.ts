import { randomUUID } from "node:crypto";
import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_CACHE_MS } from "../../apps/api/src/middleware/live-sessions.ts";
import { createHarness, type TestUser } from "./helpers/harness.ts";
import { call, createTask, expectProblem, taskPath, tasksPath } from "./helpers/http.ts";
import { mintToken, nowSeconds, TEST_SECRET, unsignedToken } from "./helpers/tokens.ts";

const h = createHarness();
let user: TestUser;

beforeAll(async () => {
  user = await h.createUser();
});
afterAll(() => h.close());

const list = (headers: Record<string, string>) => call(h.app, "GET", tasksPath(user.id), { headers });
const bearer = (token: string) => list({ authorization: `Bearer ${token}` });

/** 401 problem JSON with `WWW-Authenticate: Bearer ... error="invalid_token"`. */
async function expectInvalidToken(res: Response) {
  await expectProblem(res, 401);
  const challenge = res.headers.get("www-authenticate") ?? "";
  expect(challenge).toMatch(/^Bearer\b/);
  expect(challenge).toContain('error="invalid_token"');
}

describe("a valid token", () => {
  it("is accepted on every route (so the refusals below are meaningful)", async () => {
    const token = await mintToken(user.id);
    const res = await bearer(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    const task = await createTask(h.app, user.id, token);
    expect((await call(h.app, "GET", taskPath(user.id, task.id), { token })).status).toBe(200);
    expect((await call(h.app, "DELETE", taskPath(user.id, task.id), { token })).status).toBe(204);
  });

  it("is accepted with the scheme in any case and an email claim", async () => {
    const token = await mintToken(user.id, { claims: { email: user.email } });
    expect((await list({ authorization: `bearer ${token}` })).status).toBe(200);
  });

  it("is accepted within the clock skew (iat a few seconds ahead, exp a few seconds ago)", async () => {
    const now = nowSeconds();
    expect((await bearer(await mintToken(user.id, { claims: { iat: now + 5, exp: now + 600 } }))).status).toBe(200);
    expect((await bearer(await mintToken(user.id, { claims: { iat: now - 600, exp: now - 5 } }))).status).toBe(200);
  });
});

describe("the Authorization header", () => {
  it("missing: 401 with a Bearer challenge and no error attribute", async () => {
    const res = await list({});
    await expectProblem(res, 401);
    const challenge = res.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^Bearer\b/);
    expect(challenge).not.toContain("error=");
  });

  it.each([
    ["Basic credentials", () => `Basic ${Buffer.from(`${user.email}:password`).toString("base64")}`],
    ["Token scheme", async () => `Token ${await mintToken(user.id)}`],
    ["the bare token without a scheme", async () => mintToken(user.id)],
    ["Bearer with nothing after it", () => "Bearer "],
    ["two tokens", async () => `Bearer ${await mintToken(user.id)} ${await mintToken(user.id)}`],
  ])("not Bearer <token> (%s): 401 invalid_token", async (_name, header) => {
    await expectInvalidToken(await list({ authorization: await header() }));
  });
});

describe("tokens that are refused with 401 invalid_token", () => {
  const now = nowSeconds();
  const cases: [string, () => Promise<string> | string][] = [
    ["garbage", () => "not-a-jwt"],
    ["three garbage segments", () => "aaa.bbb.ccc"],
    ["signed with another secret", () => mintToken(user.id, { secret: `${TEST_SECRET}-but-different` })],
    ["alg none, unsigned", () => unsignedToken(user.id)],
    [
      "alg none with the signature of a real token",
      async () => `${unsignedToken(user.id)}${(await mintToken(user.id)).split(".")[2]}`,
    ],
    ["HS512 with the right secret", () => mintToken(user.id, { alg: "HS512" })],
    ["HS384 with the right secret", () => mintToken(user.id, { alg: "HS384" })],
    ["expired beyond the skew", () => mintToken(user.id, { claims: { iat: now - 900, exp: now - 120 } })],
    ["nbf beyond the skew", () => mintToken(user.id, { claims: { nbf: now + 300 } })],
    ["iat beyond the skew", () => mintToken(user.id, { claims: { iat: now + 300, exp: now + 600 } })],
    ["wrong iss", () => mintToken(user.id, { claims: { iss: "http://evil.example" } })],
    ["missing iss", () => mintToken(user.id, { claims: { iss: undefined } })],
    ["wrong aud", () => mintToken(user.id, { claims: { aud: "another-api" } })],
    ["missing aud", () => mintToken(user.id, { claims: { aud: undefined } })],
    ["missing exp", () => mintToken(user.id, { claims: { exp: undefined } })],
    ["missing sub", () => mintToken(undefined)],
    ["empty sub", () => mintToken("")],
    ["blank sub", () => mintToken("   ")],
    ["sub of a user that does not exist", () => mintToken(randomUUID())],
    ["sub with a NUL byte", () => mintToken(`${user.id}\u0000`)],
    ["lifetime over 15 minutes", () => mintToken(user.id, { claims: { iat: now, exp: now + 16 * 60 } })],
    ["a day-long token", () => mintToken(user.id, { claims: { iat: now - 60, exp: now + 86_400 } })],
    ["a day-long token without iat", () => mintToken(user.id, { claims: { iat: undefined, exp: now + 86_400 } })],
    ["over 4 KiB (validly signed)", () => mintToken(user.id, { claims: { pad: "x".repeat(4200) } })],
    [
      "payload tampered after signing",
      async () => {
        const [header, , signature] = (await mintToken(user.id)).split(".");
        const forged = Buffer.from(JSON.stringify({ sub: "someone-else", aud: "todo-api", exp: now + 600 })).toString(
          "base64url",
        );
        return `${header}.${forged}.${signature}`;
      },
    ],
  ];

  it.each(cases)("%s", async (_name, make) => {
    const res = await bearer(await make());
    await expectInvalidToken(res);
  });

  it("RS256 signed with a freshly generated RSA key", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    await expectInvalidToken(await bearer(await mintToken(user.id, { alg: "RS256", key: privateKey })));
  });

  it("ES256 signed with a freshly generated EC key", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    await expectInvalidToken(await bearer(await mintToken(user.id, { alg: "ES256", key: privateKey })));
  });

  it("an oversized token is refused for its size, before any crypto", async () => {
    const token = await mintToken(user.id, { claims: { pad: "x".repeat(4200) } });
    expect(token.length).toBeGreaterThan(4096);
    const body = await expectProblem(await bearer(token), 401);
    expect(body.detail).toMatch(/too large/i);
  });

  it("an expired token says so, without echoing the token", async () => {
    const token = await mintToken(user.id, { claims: { iat: now - 900, exp: now - 120 } });
    const body = await expectProblem(await bearer(token), 401);
    expect(body.detail).toMatch(/expired/i);
    expect(JSON.stringify(body)).not.toContain(token);
  });

  it("a deleted user's token stops working", async () => {
    const gone = await h.createUser();
    const token = await mintToken(gone.id);
    expect((await call(h.app, "GET", tasksPath(gone.id), { token })).status).toBe(200);
    await h.database.pool.query(`delete from "user" where "id" = $1`, [gone.id]);
    // Its sessions go with it; the API trusts a confirmed session for SESSION_CACHE_MS at most.
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS));
    await expectInvalidToken(await call(h.app, "GET", tasksPath(gone.id), { token }));
  });

  it("every task route refuses a request without a token", async () => {
    const id = randomUUID();
    const routes: [string, string, unknown?][] = [
      ["GET", tasksPath(user.id)],
      ["POST", tasksPath(user.id), { title: "x" }],
      ["GET", taskPath(user.id, id)],
      ["PUT", taskPath(user.id, id), { title: "x" }],
      ["DELETE", taskPath(user.id, id)],
      ["PATCH", `${taskPath(user.id, id)}/complete`],
    ];
    const before = await h.countTasks(user.id);
    for (const [method, path, body] of routes) {
      const res = await call(h.app, method as "GET", path, body === undefined ? {} : { body });
      await expectProblem(res, 401);
    }
    expect(await h.countTasks(user.id)).toBe(before);
  });
});
