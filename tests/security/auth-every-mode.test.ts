import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

/**
 * The browser suites run the production build. The contract wants Better Auth's
 * rate limit and origin check on "in every mode", so this drives the web's real
 * Better Auth instance in-process with NODE_ENV=development (and TEST set, which
 * makes Better Auth switch both off unless told otherwise) against the test database.
 */
vi.mock("server-only", () => ({}));

const origin = "http://localhost:3999";
const saved = { ...process.env };
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  Object.assign(process.env, {
    NODE_ENV: "development",
    TEST: "true",
    DATABASE_URL: inject("databaseUrl"),
    BETTER_AUTH_SECRET: inject("authSecret"),
    BETTER_AUTH_URL: origin,
  });
  const { getAuth } = await import("../../apps/web/src/lib/auth.ts");
  handler = (request) => getAuth().handler(request);
});
afterAll(() => {
  process.env = saved;
});

const signIn = (email: string, headers: Record<string, string>) =>
  handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password: "wrong-password" }),
    }),
  );

describe("Better Auth's protections outside production", () => {
  it("rate-limits sign-in per address in development", async () => {
    const address = `10.200.${Math.floor(Math.random() * 250)}.9`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await signIn(`dev-${i}-${Date.now()}@example.com`, { origin, "x-forwarded-for": address });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("refuses a cross-site sign-in in development", async () => {
    const response = await signIn("someone@example.com", {
      origin: "https://evil.example",
      cookie: "better-auth.session_token=x",
      "x-forwarded-for": "10.201.0.1",
    });
    expect(response.status).toBe(403);
  });
});
