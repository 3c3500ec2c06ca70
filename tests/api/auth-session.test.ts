import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_CACHE_MS } from "../../apps/api/src/middleware/live-sessions.ts";
import { createHarness, type TestUser } from "./helpers/harness.ts";
import { call, expectProblem, tasksPath } from "./helpers/http.ts";
import { mintToken, sessionIdFor } from "./helpers/tokens.ts";

const h = createHarness();
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await h.createUser();
  bob = await h.createUser();
});
afterAll(() => h.close());

const list = (user: TestUser, token: string) => call(h.app, "GET", tasksPath(user.id), { token });

async function expectRefused(res: Response, detail: RegExp) {
  const body = await expectProblem(res, 401);
  expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  expect(body.detail).toMatch(detail);
}

describe("the token's session (sid)", () => {
  it("a token without sid is refused", async () => {
    await expectRefused(await list(alice, await mintToken(alice.id, { claims: { sid: undefined } })), /not valid/);
  });

  it("a sid that is not a string, or empty, is refused", async () => {
    await expectRefused(await list(alice, await mintToken(alice.id, { claims: { sid: "" } })), /no session/);
    await expectRefused(await list(alice, await mintToken(alice.id, { claims: { sid: 42 } })), /no session/);
  });

  it("a session that does not exist is refused", async () => {
    await expectRefused(
      await list(alice, await mintToken(alice.id, { claims: { sid: "made-up-session" } })),
      /session has ended/,
    );
  });

  it("another user's session is refused, even with a valid signature", async () => {
    await expectRefused(
      await list(alice, await mintToken(alice.id, { claims: { sid: sessionIdFor(bob.id) } })),
      /session has ended/,
    );
  });

  it("an expired session is refused", async () => {
    const user = await h.createUser();
    await h.database.pool.query(`update "session" set "expiresAt" = now() - interval '1 second' where "id" = $1`, [
      sessionIdFor(user.id),
    ]);
    await expectRefused(await list(user, await mintToken(user.id)), /session has ended/);
  });

  it("a signed-out (deleted) session stops working within the cache time, well under 5 s", async () => {
    const user = await h.createUser();
    const token = await mintToken(user.id);
    expect((await list(user, token)).status).toBe(200);
    await h.database.pool.query(`delete from "session" where "id" = $1`, [sessionIdFor(user.id)]);
    const signedOut = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - signedOut < 5_000) {
      status = (await list(user, token)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - signedOut).toBeLessThanOrEqual(SESSION_CACHE_MS + 500);
  });
});
