import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { authPost, clientAddress, createUser } from "../e2e/support/users.ts";

const ACCOUNT_FAILURES_ALLOWED = 10; // apps/web/src/lib/sign-in-throttle.ts

async function throttleRow(email: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const key = createHash("sha256").update(email.toLowerCase()).digest("hex");
    const { rows } = await client.query<{ failures: number }>(
      `select "failures" from "sign_in_throttle" where "key" = $1`,
      [key],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Each attempt claims a new client address, as an attacker rotating X-Forwarded-For would. */
const signInFromAnywhere = (email: string, password: string) =>
  authPost("/sign-in/email", { email, password }, { "x-forwarded-for": clientAddress() });

describe("sign-in brute force", () => {
  it("locks the account after the allowed failures, whatever address each attempt claims", async () => {
    const victim = await createUser("brute-victim");
    for (let i = 1; i <= ACCOUNT_FAILURES_ALLOWED; i++) {
      expect((await signInFromAnywhere(victim.email, `wrong-${i}-password`)).status).toBe(401);
    }
    const blocked = await signInFromAnywhere(victim.email, "another-wrong-one");
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(60); // "for a while": the window is minutes, not seconds
    expect(((await blocked.json()) as { message: string }).message).toMatch(/Too many failed sign-ins/);
    // Even the right password waits: the attacker must not learn it from a different answer.
    expect((await signInFromAnywhere(victim.email, victim.password)).status).toBe(429);
    // Kept in the database, so a restart or a second web instance sees the same count.
    expect((await throttleRow(victim.email))?.failures).toBe(ACCOUNT_FAILURES_ALLOWED);
  });

  it("the throttle is per account: someone else still signs in", async () => {
    const bystander = await createUser("brute-bystander");
    expect((await signInFromAnywhere(bystander.email, bystander.password)).status).toBe(200);
  });

  it("a successful sign-in clears earlier failures", async () => {
    const person = await createUser("brute-typo");
    for (let i = 0; i < 3; i++) await signInFromAnywhere(person.email, "mistyped-password");
    expect((await throttleRow(person.email))?.failures).toBe(3);
    expect((await signInFromAnywhere(person.email, person.password)).status).toBe(200);
    expect(await throttleRow(person.email)).toBeUndefined();
  });

  it("counts form-encoded attempts too, and refuses bodies it cannot read", async () => {
    const victim = await createUser("brute-form");
    const webUrl = inject("webUrl");
    const formSignIn = (password: string) =>
      fetch(`${webUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          origin: webUrl,
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": clientAddress(),
        },
        body: new URLSearchParams({ email: victim.email, password }).toString(),
      });
    for (let i = 1; i <= ACCOUNT_FAILURES_ALLOWED; i++)
      expect((await formSignIn(`wrong-${i}-password`)).status).toBe(401);
    expect((await formSignIn(victim.password)).status).toBe(429);
    const multipart = new FormData();
    multipart.set("email", victim.email);
    multipart.set("password", victim.password);
    const unreadable = await fetch(`${webUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: webUrl, "x-forwarded-for": clientAddress() },
      body: multipart,
    });
    expect(unreadable.status).toBe(400);
  });

  it("unknown accounts are throttled the same way (no hint that an account exists)", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    for (let i = 0; i < ACCOUNT_FAILURES_ALLOWED; i++) {
      expect((await signInFromAnywhere(email, "whatever-password")).status).toBe(401);
    }
    expect((await signInFromAnywhere(email, "whatever-password")).status).toBe(429);
  });
});
