/**
 * docs/screenshots/settings-*.png and forgot-password-*.png at 375 and 1280 px, light and dark,
 * against a real stack (the same harness as the browser tests). Look at them after running:
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx tests/e2e/settings-screenshots.ts
 */
import { mkdirSync } from "node:fs";
import { repoRoot, startStack } from "./harness/stack.ts";
import { launchBrowser } from "./support/chromium.ts";
import { authPost, createUser } from "./support/users.ts";

const OUT = `${repoRoot}docs/screenshots`;
mkdirSync(OUT, { recursive: true });
const stack = await startStack("settings-screenshots");
process.env.E2E_WEB_URL = stack.webUrl;
process.env.E2E_API_URL = stack.apiUrl;
const browser = await launchBrowser();
try {
  const user = await createUser("shots-settings", "Sam Rivera");
  const phoneUa =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
  await authPost("/sign-in/email", { email: user.email, password: user.password }, { "user-agent": phoneUa });
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const phone = width < 600;
      const context = await browser.newContext({
        baseURL: stack.webUrl,
        viewport: { width, height: phone ? 760 : 820 },
        isMobile: phone,
        hasTouch: phone,
        colorScheme,
        reducedMotion: "reduce",
        timezoneId: "Europe/Paris",
      });
      const page = await context.newPage();
      await page.goto("/forgot-password");
      await page.screenshot({ path: `${OUT}/forgot-password-${width}-${colorScheme}.png`, fullPage: true });
      await context.addCookies([{ ...user.cookie, url: stack.webUrl }]);
      await page.goto("/settings");
      await page.locator(".session-row").nth(1).waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: `${OUT}/settings-${width}-${colorScheme}.png`, fullPage: true });
      console.log(`wrote settings-${width}-${colorScheme}.png`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await stack.stop();
}
