/**
 * Regenerates docs/screenshots/*.png: every page at 375 px and 1280 px, light and
 * dark, against a real stack (same harness as the browser tests).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/e2e/screenshots.ts
 *
 * (Without TEST_DATABASE_URL an embedded PostgreSQL is started.) Look at the
 * pictures after running it: they are the review, not a pixel-diff test.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { repoRoot, type Stack, startStack } from "./harness/stack.ts";
import { launchBrowser } from "./support/chromium.ts";

const OUT = `${repoRoot}docs/screenshots`;
const WIDTHS = [375, 1280] as const;
const SCHEMES = ["light", "dark"] as const;
const SAMPLE = [
  { title: "Renew passport", description: null, completed: true },
  { title: "Buy oat milk and coffee beans", description: null, completed: false },
  { title: "Send the slides to Ana", description: "Include the Q3 numbers and the roadmap page.", completed: false },
  { title: "Book the dentist", description: null, completed: false },
];

async function signUp(stack: Stack, label: string): Promise<{ id: string; cookie: string; cookieName: string }> {
  const response = await fetch(`${stack.webUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { origin: stack.webUrl, "content-type": "application/json", "x-forwarded-for": `10.77.0.${label.length}` },
    body: JSON.stringify({
      name: "Sam Rivera",
      email: `sam-${label}-${Date.now()}@example.com`,
      password: "screenshots only",
    }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status}`);
  const [pair = ""] = (response.headers.getSetCookie().find((c) => c.includes("session_token")) ?? "").split(";");
  const eq = pair.indexOf("=");
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, cookieName: pair.slice(0, eq), cookie: pair.slice(eq + 1) };
}

async function seed(stack: Stack, user: { id: string; cookie: string; cookieName: string }): Promise<void> {
  const tokenResponse = await fetch(`${stack.webUrl}/api/auth/token`, {
    headers: { cookie: `${user.cookieName}=${user.cookie}` },
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  for (const task of SAMPLE) {
    const response = await fetch(`${stack.apiUrl}/api/${user.id}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(task),
    });
    if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  }
}

async function shoot(page: Page, name: string, width: number, scheme: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const path = `${OUT}/${name}-${width}-${scheme}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`wrote ${path.replace(repoRoot, "")}`);
}

async function capture(browser: Browser, stack: Stack): Promise<void> {
  const empty = await signUp(stack, "empty");
  const busy = await signUp(stack, "with-tasks");
  await seed(stack, busy);
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({
        baseURL: stack.webUrl,
        viewport: { width, height: width < 600 ? 760 : 820 },
        deviceScaleFactor: 1,
        // The narrow shots emulate a phone: touch, no hover (row actions always shown).
        isMobile: width < 600,
        hasTouch: width < 600,
        colorScheme,
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      for (const [name, path] of [
        ["landing", "/"],
        ["sign-in", "/sign-in"],
        ["sign-up", "/sign-up"],
      ] as const) {
        await page.goto(path);
        await shoot(page, name, width, colorScheme);
      }
      for (const [name, user] of [
        ["tasks-empty", empty],
        ["tasks", busy],
      ] as const) {
        await context.clearCookies();
        await context.addCookies([{ name: user.cookieName, value: user.cookie, url: stack.webUrl }]);
        await page.goto("/tasks");
        await page.locator("[aria-busy='false']").waitFor();
        await shoot(page, name, width, colorScheme);
      }
      await context.close();
    }
  }
}

mkdirSync(OUT, { recursive: true });
const stack = await startStack("screenshots");
const browser = await launchBrowser();
try {
  await capture(browser, stack);
} finally {
  await browser.close();
  await stack.stop();
}
