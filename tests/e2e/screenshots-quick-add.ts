/**
 * Regenerates docs/screenshots/quick-add-*.png (the add field with its highlights and chips) and
 * recurrence-*.png (the detail panel's repeat picker, a recurring row, a past occurrence) at
 * 375 px and 1280 px, light and dark, against a real stack:
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/e2e/screenshots-quick-add.ts
 *
 * Look at the pictures after running it: they are the review, not a pixel-diff test.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { repoRoot, type Stack, startStack } from "./harness/stack.ts";
import { launchBrowser } from "./support/chromium.ts";
import { apiAs, createUser } from "./support/users.ts";

const OUT = `${repoRoot}docs/screenshots`;
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** The next 1st of a month, so the picker shows "Every month on the 1st" as a common rule. */
const nextFirst = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

async function capture(browser: Browser, stack: Stack): Promise<void> {
  const user = await createUser("shots-qa", "Sam Rivera");
  const api = await apiAs(user);
  await api.post("/lists", { name: "Home" });
  const [water] = await api.createTasks([
    { title: "Water the plants", due_date: day(0), recurrence: "FREQ=WEEKLY;BYDAY=MO,TH" },
    { title: "Pay rent", due_date: nextFirst(), priority: 1, recurrence: "FREQ=MONTHLY;BYMONTHDAY=1" },
    { title: "Book the dentist", due_date: day(1), priority: 3 },
  ]);
  await api.put(`/tasks/${water?.id}`, { completed: true });

  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const phone = width < 600;
      const context = await browser.newContext({
        baseURL: stack.webUrl,
        viewport: { width, height: phone ? 760 : 820 },
        deviceScaleFactor: 1,
        isMobile: phone,
        hasTouch: phone,
        colorScheme,
        reducedMotion: "reduce",
        timezoneId: "UTC",
      });
      await context.addCookies([{ ...user.cookie, url: stack.webUrl }]);
      const page = await context.newPage();
      const snap = async (name: string, target: Page = page) => {
        const path = `${OUT}/${name}-${width}-${colorScheme}.png`;
        await target.screenshot({ path, fullPage: true });
        console.log(`wrote ${path.replace(repoRoot, "")}`);
      };
      await page.goto("/tasks");
      await page.locator("section[aria-busy='false']").first().waitFor();
      await page.waitForLoadState("load"); // never "networkidle": the live-updates stream stays open
      await page.getByLabel("New task").pressSequentially("Pay rent every month on the 1st p1 #Home @bills");
      await page.locator(".part-chip").nth(3).waitFor();
      await snap("quick-add");
      await page.getByLabel("New task").press("Escape");
      await page.getByRole("button", { name: "Edit “Pay rent”" }).click();
      await page.getByLabel("Repeat", { exact: true }).waitFor();
      await snap("recurrence");
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.goto("/tasks?filter=completed");
      await page.locator("section[aria-busy='false']").first().waitFor();
      await snap("recurrence-history");
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
