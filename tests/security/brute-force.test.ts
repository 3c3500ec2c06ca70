import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { authPost, clientAddress, createUser } from "../e2e/support/users.ts";

// apps/web/src/lib/sign-in-throttle.ts
const ACCOUNT_FREE = 10;
const PAIR_FREE = 5;

async function accountFailures(email: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const key = `account:${createHash("sha256").update(email.toLowerCase()).digest("hex")}`;
    const { rows } = await client.query<{ failures: number }>(
      `select "failures" from "sign_in_backoff" where "key" = $1`,
      [key],
    );
    return rows[0]?.failures;
  } finally {
    await client.end();
  }
}

const signIn = (email: string, password: string, address = clientAddress()) =>
  authPost("/sign-in/email", { email, password }, { "x-forwarded-for": address });

/** Each attempt claims a new client address, as an attacker rotating X-Forwarded-For would. */
async function failFromEverywhere(email: string, times: number) {
  for (let i = 1; i <= times; i++) expect((await signIn(email, `wrong-${i}-password`)).status).toBe(401);
}

describe("sign-in brute force", () => {
  it("backs off per account after the free failures, whatever address each attempt claims", async () => {
    const victim = await createUser("brute-victim");
    await failFromEverywhere(victim.email, ACCOUNT_FREE);
    const blocked = await signIn(victim.email, "another-wrong-one");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await blocked.json()) as { message: string }).message).toMatch(/Too many failed sign-ins/);
    // Even the right password waits, from a new address: no different answer to learn it from.
    expect((await signIn(victim.email, victim.password)).status).toBe(429);
    // Kept in the database, so a restart or a second web instance sees the same count.
    expect(await accountFailures(victim.email)).toBe(ACCOUNT_FREE);
  });

  it("the wait doubles with each further failure: backoff, not a fixed lock", async () => {
    const victim = await createUser("brute-backoff");
    await failFromEverywhere(victim.email, ACCOUNT_FREE);
    const first = Number((await signIn(victim.email, "x-wrong-password")).headers.get("retry-after"));
    await new Promise((r) => setTimeout(r, first * 1000 + 200));
    expect((await signIn(victim.email, "y-wrong-password")).status).toBe(401);
    const second = Number((await signIn(victim.email, "z-wrong-password")).headers.get("retry-after"));
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(2 * first + 1);
  });

  it("an attacker failing on purpose does not keep the owner out of their own address", async () => {
    const owner = await createUser("brute-owner");
    const home = clientAddress();
    expect((await signIn(owner.email, owner.password, home)).status).toBe(200);
    await failFromEverywhere(owner.email, ACCOUNT_FREE);
    expect((await signIn(owner.email, "wrong-again-password")).status).toBe(429);
    // The owner, from the address they signed in from before, gets straight in.
    expect((await signIn(owner.email, owner.password, home)).status).toBe(200);
  });

  it("one address gets fewer free failures against one account than the account as a whole", async () => {
    const victim = await createUser("brute-pair");
    const address = clientAddress();
    for (let i = 0; i < PAIR_FREE; i++)
      expect((await signIn(victim.email, "bad-password-1", address)).status).toBe(401);
    expect((await signIn(victim.email, victim.password, address)).status).toBe(429);
    // Another address is not held back yet (the account has only PAIR_FREE failures).
    expect((await signIn(victim.email, victim.password)).status).toBe(200);
  });

  it("a successful sign-in clears earlier failures", async () => {
    const person = await createUser("brute-typo");
    const address = clientAddress();
    for (let i = 0; i < 3; i++) await signIn(person.email, "mistyped-password", address);
    expect(await accountFailures(person.email)).toBe(3);
    expect((await signIn(person.email, person.password, address)).status).toBe(200);
    expect(await accountFailures(person.email)).toBeUndefined();
  });

  it("the throttle counts the account Better Auth signs in, in form bodies too", async () => {
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
    for (let i = 1; i <= ACCOUNT_FREE; i++) expect((await formSignIn(`wrong-${i}-password`)).status).toBe(401);
    expect((await formSignIn(victim.password)).status).toBe(429);
    // An email with other casing or spaces is the same account.
    expect((await signIn(`  ${victim.email.toUpperCase()} `, victim.password)).status).toBe(429);
  });

  it("unknown accounts are throttled the same way (no hint that an account exists)", async () => {
    const email = `nobody-${Date.now()}@example.com`;
    await failFromEverywhere(email, ACCOUNT_FREE);
    expect((await signIn(email, "whatever-password")).status).toBe(429);
  });
});
