import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { authPost, clientAddress, cookieHeader, createUser, uniqueEmail } from "../e2e/support/users.ts";

const raw = (path: string, body: BodyInit, type: string, headers: Record<string, string> = {}) => {
  const webUrl = inject("webUrl");
  return fetch(`${webUrl}/api/auth${path}`, {
    method: "POST",
    headers: { origin: webUrl, "content-type": type, "x-forwarded-for": clientAddress(), ...headers },
    body,
    // A ReadableStream body needs this in Node's fetch.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
};

async function userByEmail(email: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select "name" from "user" where lower("email") = lower($1)`,
      [email],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe("/api/auth/* bodies are read once, capped and checked", () => {
  it("a body over 16 KiB is refused (413) before parsing, also without Content-Length", async () => {
    const big = JSON.stringify({ email: uniqueEmail("big"), password: "x".repeat(20_000), name: "Big" });
    expect((await raw("/sign-up/email", big, "application/json")).status).toBe(413);
    // Streamed in chunks with no Content-Length: counted as it arrives.
    const chunk = new TextEncoder().encode("a".repeat(8192));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6_400)
          controller.enqueue(chunk); // 50 MiB if nobody stops it
        else controller.close();
      },
    });
    const started = Date.now();
    const res = await raw("/sign-in/email", stream, "application/json");
    expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The web stopped reading long before 50 MiB (what was sent sits in socket buffers).
    expect(sent).toBeLessThan(1_600);
  });

  it("a repeated credential field is refused: form email=a&email=b and duplicate JSON keys", async () => {
    const victim = await createUser("dup-victim");
    const form = `email=decoy%40example.com&email=${encodeURIComponent(victim.email)}&password=${victim.password}`;
    const formRes = await raw("/sign-in/email", form, "application/x-www-form-urlencoded");
    expect(formRes.status).toBe(400);
    expect(formRes.headers.getSetCookie()).toEqual([]);
    const json = `{"email":"decoy@example.com","email":"${victim.email}","password":"${victim.password}"}`;
    const jsonRes = await raw("/sign-in/email", json, "application/json");
    expect(jsonRes.status).toBe(400);
    expect(((await jsonRes.json()) as { message: string }).message).toMatch(/more than once/);
    // Escaped spelling of the same key is the same key.
    const escaped = `{"email":"decoy@example.com","\\u0065mail":"${victim.email}","password":"${victim.password}"}`;
    expect((await raw("/sign-in/email", escaped, "application/json")).status).toBe(400);
  });

  it("odd casing of a credential field is refused, not ignored", async () => {
    const victim = await createUser("case-victim");
    for (const body of [
      { Email: victim.email, password: victim.password },
      { email: "decoy@example.com", EMAIL: victim.email, password: victim.password },
      { email: victim.email, Password: victim.password },
    ]) {
      expect((await authPost("/sign-in/email", body)).status).toBe(400);
    }
  });

  it("sign-up: name is a trimmed string of 1-100 characters, email at most 254; nothing is stored otherwise", async () => {
    const password = "a-long-enough-password";
    const cases: Array<[string, Record<string, unknown>]> = [
      ["a 101-character name", { name: "n".repeat(101), email: uniqueEmail("long-name"), password }],
      ["a blank name", { name: "   ", email: uniqueEmail("blank-name"), password }],
      ["an object as name", { name: { $ne: 1 }, email: uniqueEmail("obj-name"), password }],
      ["an array as name", { name: ["a", "b"], email: uniqueEmail("arr-name"), password }],
      ["a 255-character email", { name: "Long", email: `${"e".repeat(243)}@example.com`, password }],
      ["a number as email", { name: "Num", email: 42, password }],
    ];
    for (const [label, body] of cases) {
      const res = await authPost("/sign-up/email", body);
      expect(res.status, label).toBe(400);
      if (typeof body.email === "string") expect(await userByEmail(body.email), label).toBeUndefined();
    }
    const email = uniqueEmail("trimmed");
    expect((await authPost("/sign-up/email", { name: "  Ada Lovelace  ", email, password })).status).toBe(200);
    expect((await userByEmail(email))?.name).toBe("Ada Lovelace");
  });

  it("update-user refuses objects and arrays with 400 (never 500) and stores nothing", async () => {
    const user = await createUser("update-types", "Original Name");
    for (const name of [{ $ne: 1 }, ["x"], "", "n".repeat(101)]) {
      const res = await authPost("/update-user", { name }, { cookie: cookieHeader(user) });
      expect(res.status, JSON.stringify(name)).toBe(400);
    }
    expect((await userByEmail(user.email))?.name).toBe("Original Name");
    const ok = await authPost("/update-user", { name: " New Name " }, { cookie: cookieHeader(user) });
    expect(ok.status).toBe(200);
    expect((await userByEmail(user.email))?.name).toBe("New Name");
  });

  it("a body that is neither JSON nor a urlencoded form is refused", async () => {
    const multipart = new FormData();
    multipart.set("email", "someone@example.com");
    multipart.set("password", "whatever-password");
    const webUrl = inject("webUrl");
    const res = await fetch(`${webUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: webUrl, "x-forwarded-for": clientAddress() },
      body: multipart,
    });
    expect(res.status).toBe(415);
  });
});
