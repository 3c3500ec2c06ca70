import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newVisitor } from "../e2e/support/browser.ts";
import { createUser, type TestUser } from "../e2e/support/users.ts";

// Paths that look safe but that URL normalisation turns into //evil.example (protocol-relative).
const TRICKS = [
  "/.//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/tasks/..//evil.example/x",
  "/\t/evil.example",
];

let browser: Browser;
let user: TestUser;
beforeAll(async () => {
  browser = await launchBrowser();
  user = await createUser("redirect");
});
afterAll(() => browser?.close());

describe("?next= after sign-in never leaves the site", () => {
  it.each(TRICKS)("a signed-in visitor sent to /sign-in?next=%j lands on /tasks", async (next) => {
    const { context, page } = await newVisitor(browser, { user });
    try {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.waitForURL((url) => url.pathname === "/tasks" || url.host !== new URL(inject("webUrl")).host);
      expect(new URL(page.url()).origin).toBe(inject("webUrl"));
      expect(new URL(page.url()).pathname).toBe("/tasks");
    } finally {
      await context.close();
    }
  });

  it("signing in through the form with a tricky next lands on /tasks", async () => {
    const { context, page } = await newVisitor(browser);
    try {
      await page.goto(`/sign-in?next=${encodeURIComponent("/.//evil.example")}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: /sign in/i }).click();
      await page.waitForURL((url) => url.pathname === "/tasks" || url.host !== new URL(inject("webUrl")).host);
      expect(new URL(page.url()).origin).toBe(inject("webUrl"));
    } finally {
      await context.close();
    }
  });
});
