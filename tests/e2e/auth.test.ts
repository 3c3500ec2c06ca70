import { describe, expect, inject, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { createUser, uniqueEmail } from "./support/users.ts";

const browser = sharedBrowser();

const path = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

describe("accounts in the browser", () => {
  it("signs up and lands on /tasks with the new-task field focused", async () => {
    const { context, page } = await newVisitor(browser());
    await page.goto("/");
    await page.getByRole("link", { name: "Create a free account" }).click();
    await page.waitForURL("**/sign-up");
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(uniqueEmail("ada"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/tasks");
    const input = page.getByLabel("New task");
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.locator(".empty-state").textContent()).toContain("Type your first task");
    await context.close();
  });

  it("stores the browser's time zone at sign-up", async () => {
    const { context, page } = await newVisitor(browser(), { timeZone: "America/New_York" });
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Zoe Zone");
    await page.getByLabel("Email").fill(uniqueEmail("zone"));
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/tasks");
    const session = async () =>
      (await page.request.get("/api/auth/get-session")).json() as Promise<{ user: { timeZone?: string } }>;
    expect((await session()).user.timeZone).toBe("America/New_York");

    // Changeable, and an unknown zone is refused without changing anything.
    const update = (timeZone: string) =>
      page.request.post("/api/auth/update-user", { data: { timeZone }, headers: { origin: inject("webUrl") } });
    expect((await update("Mars/Olympus_Mons")).status()).toBe(400);
    expect((await session()).user.timeZone).toBe("America/New_York");
    expect((await update("Europe/Paris")).status()).toBe(200);
    expect((await session()).user.timeZone).toBe("Europe/Paris");
    await context.close();
  });

  it("explains a short password and a taken email", async () => {
    const existing = await createUser("taken");
    const { context, page } = await newVisitor(browser());
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Someone");
    await page.getByLabel("Email").fill(uniqueEmail("short"));
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator(".field-error").textContent()).toContain("at least 8 characters");
    expect(path(page.url())).toBe("/sign-up");

    await page.getByLabel("Email").fill(existing.email);
    await page.getByLabel("Password").fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("already exists");
    await context.close();
  });

  it("gives one message for a wrong password and an unknown email", async () => {
    const user = await createUser("wrongpw");
    const { context, page } = await newVisitor(browser());
    const messages: string[] = [];
    for (const [email, password] of [
      [user.email, "not-the-password"],
      [uniqueEmail("nobody"), "whatever-password"],
    ] as const) {
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      const alert = page.locator(".form-error");
      await alert.waitFor();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages[0]).toContain("don't match an account");
    expect(messages[1]).toBe(messages[0]);
    await context.close();
  });

  it("sends a signed-out visitor to sign-in and back to the page asked for", async () => {
    const user = await createUser("returning");
    const { context, page } = await newVisitor(browser());
    await page.goto("/tasks?filter=active");
    expect(path(page.url())).toBe(`/sign-in?next=${encodeURIComponent("/tasks?filter=active")}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/tasks?filter=active");
    await expect.poll(() => page.getByRole("link", { name: "Active" }).getAttribute("aria-current")).toBe("page");

    // Signed in, the account pages and the landing page lead to the list.
    for (const url of ["/sign-in", "/sign-up", "/"]) {
      await page.goto(url);
      expect(path(page.url())).toBe("/tasks");
    }
    await context.close();
  });

  it("refuses /tasks after sign-out and the old cookies get neither session nor token", async () => {
    const user = await createUser("leaver");
    // Signed in through the form, so the browser holds whatever cookies Better Auth sets.
    const { context, page } = await newVisitor(browser());
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/tasks");
    // Everything the browser held while signed in (a session cache cookie included, if any).
    const before = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/tasks");
    expect(path(page.url())).toBe("/sign-in?next=%2Ftasks");

    // The browser dropped its cookies; replaying them must not work either.
    const webUrl = inject("webUrl");
    const token = await fetch(`${webUrl}/api/auth/token`, { headers: { cookie: before } });
    expect(token.status).toBe(401);
    const session = await fetch(`${webUrl}/api/auth/get-session`, { headers: { cookie: before } });
    expect(await session.json()).toBeNull();
    const tasks = await fetch(`${webUrl}/tasks`, { headers: { cookie: before }, redirect: "manual" });
    expect(tasks.status).toBe(307);
    expect(tasks.headers.get("location")).toContain("/sign-in");
    await context.close();
  });

  it("checks the session on the server, not just the cookie's presence", async () => {
    const { context, page } = await newVisitor(browser());
    await context.addCookies([{ name: "better-auth.session_token", value: "forged.value", url: inject("webUrl") }]);
    await page.goto("/tasks");
    expect(path(page.url())).toBe("/sign-in?next=%2Ftasks");
    await context.close();
  });

  it("never redirects off-site after sign-in", async () => {
    const user = await createUser("offsite");
    const { context, page } = await newVisitor(browser());
    await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/steal")}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/tasks");
    expect(new URL(page.url()).origin).toBe(inject("webUrl"));
    await context.close();
  });
});
