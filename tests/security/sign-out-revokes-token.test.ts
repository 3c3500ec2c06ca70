import { describe, expect, it } from "vitest";
import { apiToken, authPost, callApi, cookieHeader, createUser } from "../e2e/support/users.ts";

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;

describe("signing out ends API access", () => {
  it("the token names its session, and the API refuses it within 5 s of sign-out", async () => {
    const user = await createUser("revoke");
    const token = await apiToken(user);
    expect(typeof claims(token).sid).toBe("string");
    expect((await callApi(token, "GET", `/api/${user.id}/tasks`)).status).toBe(200);

    expect((await authPost("/sign-out", {}, { cookie: cookieHeader(user) })).status).toBe(200);
    const signedOut = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - signedOut < 6_000) {
      status = (await callApi(token, "GET", `/api/${user.id}/tasks`)).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - signedOut).toBeLessThan(5_000);
  });

  it("another session of the same user keeps working", async () => {
    const user = await createUser("revoke-other");
    const other = await authPost("/sign-in/email", { email: user.email, password: user.password });
    const otherCookie = other.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c?.includes("session_token")) as string;
    const otherToken = await apiToken({
      cookie: { name: otherCookie.split("=")[0] ?? "", value: otherCookie.slice(otherCookie.indexOf("=") + 1) },
    });
    await authPost("/sign-out", {}, { cookie: cookieHeader(user) });
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await callApi(otherToken, "GET", `/api/${user.id}/tasks`)).status).toBe(200);
  });
});
