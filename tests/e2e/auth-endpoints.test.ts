import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, inject, it } from "vitest";
import { apiToken, authPost, clientAddress, cookieHeader, createUser, uniqueEmail } from "./support/users.ts";

const AUTH_ATTEMPTS_PER_MINUTE = 10; // apps/web/src/lib/auth.ts

describe("the web's auth endpoints", () => {
  it("GET /api/auth/token gives an HS256 token with only sub, sid, email, iss, aud, iat, exp", async () => {
    const user = await createUser("token");
    const token = await apiToken(user);
    expect(decodeProtectedHeader(token).alg).toBe("HS256");
    const { payload } = await jwtVerify(token, new TextEncoder().encode(inject("authSecret")), {
      issuer: inject("webUrl"),
      audience: "todo-api",
      algorithms: ["HS256"],
    });
    expect(payload.sub).toBe(user.id);
    expect(Object.keys(payload).sort()).toEqual(["aud", "email", "exp", "iat", "iss", "sid", "sub"]);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(15 * 60);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeGreaterThan(60);
  });

  it("the token response may not be cached", async () => {
    const user = await createUser("nocache");
    const response = await fetch(`${inject("webUrl")}/api/auth/token`, { headers: { cookie: cookieHeader(user) } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
  });

  it("GET /api/auth/token without a session is 401", async () => {
    const response = await fetch(`${inject("webUrl")}/api/auth/token`);
    expect(response.status).toBe(401);
  });

  it("the token opens the user's own tasks on the API", async () => {
    const user = await createUser("api");
    const token = await apiToken(user);
    const response = await fetch(`${inject("apiUrl")}/api/${user.id}/tasks`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const response = await authPost("/sign-up/email", {
      name: "Cookie",
      email: uniqueEmail("cookie"),
      password: "long enough password",
    });
    const line = response.headers.getSetCookie().find((c) => c.includes("session_token")) ?? "";
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
  });

  it("refuses a cross-site sign-in (origin check stays on)", async () => {
    const user = await createUser("csrf");
    const response = await authPost(
      "/sign-in/email",
      { email: user.email, password: user.password },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
  });

  it("rate-limits repeated sign-in attempts from one address (429)", async () => {
    // A different account on every attempt, so only the per-address limit can trip
    // (the per-account throttle has its own tests in tests/security/brute-force.test.ts).
    const address = clientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await authPost(
        "/sign-in/email",
        { email: `spray-${i}-${Date.now()}@example.com`, password: "wrong-password" },
        { "x-forwarded-for": address },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, AUTH_ATTEMPTS_PER_MINUTE)).toEqual(Array(AUTH_ATTEMPTS_PER_MINUTE).fill(401));
    expect(statuses.at(-1)).toBe(429);
    // Even a real account with the right password waits now: the limit is per address.
    const user = await createUser("brute");
    const right = await authPost(
      "/sign-in/email",
      { email: user.email, password: user.password },
      { "x-forwarded-for": address },
    );
    expect(right.status).toBe(429);
    // Another address is not affected.
    const elsewhere = await authPost("/sign-in/email", { email: user.email, password: user.password });
    expect(elsewhere.status).toBe(200);
  });

  it("keeps rate-limit counters in the database, so a restart does not reset them", async () => {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ key: string }>(
        `select key from "rateLimit" where key like '%/sign-in/email'`,
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it("GET /api/health is 200 while the database answers", async () => {
    const response = await fetch(`${inject("webUrl")}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("an old session cookie is worthless after sign-out", async () => {
    const user = await createUser("signout");
    const webUrl = inject("webUrl");
    const out = await fetch(`${webUrl}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie: cookieHeader(user), origin: webUrl, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    const token = await fetch(`${webUrl}/api/auth/token`, { headers: { cookie: cookieHeader(user) } });
    expect(token.status).toBe(401);
  });
});
