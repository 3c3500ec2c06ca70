import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type TestUser } from "./helpers/harness.ts";
import { call, expectProblem, tasksPath } from "./helpers/http.ts";
import { mintToken, nowSeconds } from "./helpers/tokens.ts";

// No skew: the cached token must die exactly when its exp says.
const h = createHarness({ env: { JWT_CLOCK_SKEW_SECONDS: "0" } });
let user: TestUser;
beforeAll(async () => {
  user = await h.createUser();
});
afterAll(() => h.close());

const list = (token: string) => call(h.app, "GET", tasksPath(user.id), { token });

describe("a token already verified is remembered, not trusted forever", () => {
  it("is refused once it expires, though it passed a moment before", async () => {
    const now = nowSeconds();
    const token = await mintToken(user.id, { claims: { iat: now, exp: now + 2 } });
    expect((await list(token)).status).toBe(200);
    expect((await list(token)).status).toBe(200);
    await new Promise((r) => setTimeout(r, (now + 2) * 1000 - Date.now() + 200));
    const body = await expectProblem(await list(token), 401);
    expect(body.detail).toMatch(/expired/);
  });

  it("the cache keys the exact text: a token with another signature is still checked", async () => {
    const token = await mintToken(user.id);
    expect((await list(token)).status).toBe(200);
    const [header, payload] = token.split(".");
    await expectProblem(await list(`${header}.${payload}.${"A".repeat(43)}`), 401);
  });
});
