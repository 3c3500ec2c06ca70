/**
 * Regenerates docs/screenshots/*.png: every page and task view at 375 px and
 * 1280 px, light and dark, against a real stack (same harness as the browser tests).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/e2e/screenshots.ts
 *
 * (Without TEST_DATABASE_URL an embedded PostgreSQL is started.) Look at the
 * pictures after running it: they are the review, not a pixel-diff test.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { repoRoot, type Stack, startStack } from "./harness/stack.ts";
import { launchBrowser } from "./support/chromium.ts";
import { apiAs, createUser, type TestUser } from "./support/users.ts";

const OUT = `${repoRoot}docs/screenshots`;
const WIDTHS = [375, 1280] as const;
const SCHEMES = ["light", "dark"] as const;
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function seed(user: TestUser): Promise<{ work: string }> {
  const api = await apiAs(user);
  const home = await api.post<{ id: string }>("/lists", { name: "Home" });
  const work = await api.post<{ id: string }>("/lists", { name: "Work" });
  await api.post("/lists", { name: "Reading" });
  const made = await api.createTasks([
    { title: "Renew passport", due_date: day(-3), priority: 2, labels: ["errands"] },
    { title: "Buy oat milk and coffee beans", list_id: home.id, labels: ["errands"], due_date: day(0) },
    {
      title: "Send the slides to Ana",
      description: "Include the Q3 numbers and the roadmap page.",
      list_id: work.id,
      due_date: day(0),
      due_time: "15:00",
      priority: 1,
    },
    { title: "Book the dentist", due_date: day(1), priority: 3 },
    { title: "Plan the team offsite", list_id: work.id, due_date: day(4), labels: ["planning"] },
    { title: "Water the plants", list_id: home.id, due_date: day(12) },
    { title: "Call mum" },
    { title: "Old shopping list" },
  ]);
  const old = made.at(-1);
  if (old) await api.delete(`/tasks/${old.id}`);
  const done = made[6];
  if (done) await api.put(`/tasks/${done.id}`, { completed: true });
  return { work: work.id };
}

async function shoot(page: Page, name: string, width: number, scheme: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const path = `${OUT}/${name}-${width}-${scheme}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`wrote ${path.replace(repoRoot, "")}`);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("section[aria-busy='false']").first().waitFor();
  // The sidebar counts arrive with their own requests.
  await page.waitForLoadState("load"); // never "networkidle": the live-updates stream stays open
}

async function signIn(context: BrowserContext, stack: Stack, user: TestUser): Promise<void> {
  await context.clearCookies();
  await context.addCookies([{ ...user.cookie, url: stack.webUrl }]);
}

async function capture(browser: Browser, stack: Stack): Promise<void> {
  const empty = await createUser("shots-empty", "Sam Rivera");
  const busy = await createUser("shots", "Sam Rivera");
  const { work } = await seed(busy);
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const phone = width < 600;
      const context = await browser.newContext({
        baseURL: stack.webUrl,
        viewport: { width, height: phone ? 760 : 820 },
        deviceScaleFactor: 1,
        // The narrow shots emulate a phone: touch, no hover (row actions always shown).
        isMobile: phone,
        hasTouch: phone,
        colorScheme,
        reducedMotion: "reduce",
        timezoneId: "UTC",
      });
      const page = await context.newPage();
      const snap = (name: string) => shoot(page, name, width, colorScheme);
      for (const [name, path] of [
        ["landing", "/"],
        ["sign-in", "/sign-in"],
        ["sign-up", "/sign-up"],
      ] as const) {
        await page.goto(path);
        await snap(name);
      }
      await signIn(context, stack, empty);
      await open(page, "/tasks");
      await snap("tasks-empty");

      await signIn(context, stack, busy);
      for (const [name, path] of [
        ["tasks", "/tasks?sort=due"],
        ["today", "/tasks/today"],
        ["upcoming", "/tasks/upcoming"],
        ["list", `/tasks/list/${work}`],
        ["label", "/tasks/label/errands"],
        ["trash", "/tasks/trash"],
      ] as const) {
        await open(page, path);
        await snap(name);
      }
      await open(page, "/tasks/today");
      await page.getByRole("button", { name: /^Edit “Send the slides/ }).click();
      await page.getByLabel("Task title").waitFor();
      await shoot(page, "detail", width, colorScheme);
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.getByRole("button", { name: "Select", exact: true }).click();
      await page.getByRole("checkbox", { name: /^Select “Send the slides/ }).check();
      await page.getByRole("checkbox", { name: /^Select “Buy oat milk/ }).check();
      await snap("select");
      await open(page, "/tasks");
      await page.keyboard.press("Escape");
      await page.keyboard.press("?");
      await page.getByRole("dialog").waitFor();
      await snap("shortcuts");
      if (phone) {
        await open(page, "/tasks/today");
        await page.getByRole("button", { name: "Menu" }).click();
        await page.waitForTimeout(250);
        await snap("menu");
      }
      await context.close();
    }
  }
}

mkdirSync(OUT, { recursive: true });
const stack = await startStack("screenshots");
process.env.E2E_WEB_URL = stack.webUrl;
process.env.E2E_API_URL = stack.apiUrl;
const browser = await launchBrowser();
try {
  await capture(browser, stack);
} finally {
  await browser.close();
  await stack.stop();
}
