import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { webServer } from "../../scripts/lib/web-server.ts";
import { freePort, type Service, startService, stopService, waitForHttp } from "./harness/processes.ts";
import { productEnv, repoRoot } from "./harness/stack.ts";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { startMailbox } from "./support/mailbox.ts";
import { clientAddress, sessionCookie, uniqueEmail } from "./support/users.ts";

const browser = sharedBrowser();
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let web: Service;
let webUrl: string;
let db: pg.Pool;

/**
 * The shared stack's web has no SMTP_URL: this file runs a second web (the same build, the same
 * database) whose SMTP_URL points at a real SMTP server it started itself.
 */
beforeAll(async () => {
  mailbox = await startMailbox();
  const port = await freePort();
  webUrl = `http://127.0.0.1:${port}`;
  web = startService("web-smtp", ...webServer(repoRoot, port, "127.0.0.1"), {
    cwd: `${repoRoot}apps/web`,
    env: {
      ...productEnv(),
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATABASE_URL: inject("databaseUrl"),
      BETTER_AUTH_SECRET: inject("authSecret"),
      BETTER_AUTH_URL: webUrl,
      API_URL: inject("apiUrl"),
      SMTP_URL: mailbox.url,
      MAIL_FROM: "Todo <todo@example.test>",
    },
    logFile: `${inject("logDir")}/web-smtp.log`,
  });
  await waitForHttp(`${webUrl}/api/health`, web, 90_000);
  db = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
});
afterAll(async () => {
  await Promise.all([web ? stopService(web) : undefined, mailbox?.close(), db?.end()]);
});

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${webUrl}/api/auth${path}`, {
    method: "POST",
    headers: {
      origin: webUrl,
      "content-type": "application/json",
      "x-forwarded-for": clientAddress(),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
    redirect: "manual",
  });

async function signUp() {
  const email = uniqueEmail("reset");
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const res = await post("/sign-up/email", { name: "Rita Reset", email, password });
  expect(res.status).toBe(200);
  return { email, password };
}

async function signIn(email: string, password: string) {
  const res = await post("/sign-in/email", { email, password });
  if (res.status !== 200) return undefined;
  const c = sessionCookie(res);
  return `${c.name}=${c.value}`;
}

const hasSession = async (cookie: string) => {
  const res = await fetch(`${webUrl}/api/auth/get-session`, { headers: { cookie } });
  return (await res.json()) !== null;
};

const linkIn = (raw: string) =>
  /(http:\/\/\S+\/api\/auth\/reset-password\/[\w-]+\?callbackURL=\S+)/.exec(raw)?.[1] as string;

/** Asks for a reset in the browser and returns the link the mail carries. */
async function requestReset(email: string) {
  const before = mailbox.mails.length;
  const { context, page } = await newVisitor(browser());
  await page.goto(`${webUrl}/sign-in`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.waitForURL("**/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const status = page.getByRole("status").filter({ hasText: "has an account" });
  await status.waitFor();
  const answer = (await status.textContent()) ?? "";
  await context.close();
  return { answer, before };
}

describe("password reset by email (contract 10)", () => {
  it("mails a link that sets a new password, once, and signs out every session", async () => {
    const { email, password } = await signUp();
    const otherDevice = (await signIn(email, password)) as string;
    expect(await hasSession(otherDevice)).toBe(true);

    const { answer, before } = await requestReset(email);
    expect(answer).toContain(email);
    const mail = await mailbox.next(email, before);
    expect(mail.raw).toContain("Subject: Reset your Todo password");
    const link = linkIn(mail.raw);
    expect(link.startsWith(`${webUrl}/api/auth/reset-password/`)).toBe(true);

    const { context, page } = await newVisitor(browser());
    await page.goto(link);
    await page.waitForURL(/\/reset-password\?token=/);
    const newPassword = "a brand new password";
    await page.getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();

    expect(await hasSession(otherDevice)).toBe(false);
    expect(await signIn(email, password)).toBeUndefined();
    expect(await signIn(email, newPassword)).toBeDefined();

    // Single use: the same link now lands on the "expired or used" answer, and the token is refused.
    await page.goto(link);
    await page.getByRole("alert").filter({ hasText: "expired or was already used" }).waitFor();
    const token = new URL(link).pathname.split("/").at(-1);
    expect((await post("/reset-password", { token, newPassword: "yet another password" })).status).toBe(400);
    await context.close();
  });

  it("a link past its hour is refused", async () => {
    const { email, password } = await signUp();
    const { before } = await requestReset(email);
    const link = linkIn((await mailbox.next(email, before)).raw);
    const token = new URL(link).pathname.split("/").at(-1) as string;
    const { rows } = await db.query<{ expiresAt: Date; createdAt: Date }>(
      `select "expiresAt", "createdAt" from "verification" where "identifier" = $1`,
      [`reset-password:${token}`],
    );
    // Issued for one hour.
    const hour = (rows[0]?.expiresAt.getTime() ?? 0) - (rows[0]?.createdAt.getTime() ?? 0);
    expect(Math.abs(hour - 3_600_000)).toBeLessThan(5_000);
    await db.query(`update "verification" set "expiresAt" = now() - interval '1 second' where "identifier" = $1`, [
      `reset-password:${token}`,
    ]);
    const { context, page } = await newVisitor(browser());
    await page.goto(link);
    await page.getByRole("alert").filter({ hasText: "expired or was already used" }).waitFor();
    await context.close();
    expect((await post("/reset-password", { token, newPassword: "too late for this" })).status).toBe(400);
    expect(await signIn(email, password)).toBeDefined();
  });

  it("an unknown address gets the same answer and no mail", async () => {
    const email = uniqueEmail("nobody");
    const { answer, before } = await requestReset(email);
    expect(answer).toContain(email);
    const known = await signUp();
    const knownAnswer = (await requestReset(known.email)).answer;
    expect(answer.replace(email, "X")).toBe(knownAnswer.replace(known.email, "X"));
    await mailbox.next(known.email, before);
    expect(mailbox.mails.slice(before).some((m) => m.to === email)).toBe(false);
  });
});
