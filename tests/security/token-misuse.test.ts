import { randomBytes } from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiToken, callApi, createUser, type TestUser } from "../e2e/support/users.ts";

const webUrl = inject("webUrl");
const secret = new TextEncoder().encode(inject("authSecret"));
const sign = (claims: Record<string, unknown>, key: Uint8Array = secret) =>
  new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuedAt().setExpirationTime("5m").sign(key);

/** Credentials that are real, or signed with the real secret, but are not an API token. */
describe("tokens the API must refuse", () => {
  let user: TestUser;
  let tasks: string;
  beforeAll(async () => {
    user = await createUser("misuse");
    tasks = `/api/${user.id}/tasks`;
    // The genuine token works, so each refusal below is about the token alone.
    expect((await callApi(await apiToken(user), "GET", tasks)).status).toBe(200);
  });

  const expectRefused = async (token: string) => {
    const response = await callApi(token, "GET", tasks);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);
  };

  it("the session cookie's value presented as a bearer token", async () => {
    await expectRefused(user.cookie.value);
    await expectRefused(decodeURIComponent(user.cookie.value).split(".")[0] ?? "");
  });

  it("a JWT signed with the same secret for another audience", async () => {
    await expectRefused(await sign({ sub: user.id, iss: webUrl, aud: "todo-web" }));
  });

  it("a JWT signed with the same secret with no audience at all", async () => {
    await expectRefused(await sign({ sub: user.id, iss: webUrl }));
  });

  it("a JWT signed with the same secret by another issuer", async () => {
    await expectRefused(await sign({ sub: user.id, iss: "https://other-deployment.example", aud: "todo-api" }));
  });

  it("a token signed with another deployment's secret", async () => {
    const foreign = new TextEncoder().encode(randomBytes(36).toString("base64url"));
    await expectRefused(await sign({ sub: user.id, iss: webUrl, aud: "todo-api" }, foreign));
  });

  it("an oversized token", async () => {
    await expectRefused(await sign({ sub: user.id, iss: webUrl, aud: "todo-api", pad: "x".repeat(8_000) }));
  });

  it("a token whose subject is another real user, signed with a guessed secret", async () => {
    const other = await createUser("misuse-other");
    await expectRefused(
      await sign({ sub: other.id, iss: webUrl, aud: "todo-api" }, new TextEncoder().encode("secret")),
    );
  });
});
