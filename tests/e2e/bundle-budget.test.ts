import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newVisitor } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { createUser } from "./support/users.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The first-load budget the product holds /tasks to (compressed bytes over the wire). */
const BUDGET_BYTES = 150 * 1024;

describe("first-load JavaScript", () => {
  it("the task page loads at most 150 kB of compressed JavaScript", async () => {
    const user = await createUser("budget");
    const { context, page } = await newVisitor(browser, { user });
    const scripts: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
    });
    await taskPage(page).open();
    await page.waitForLoadState("networkidle");
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    console.log(`[budget] /tasks first-load JS: ${scripts.length} files, ${(total / 1024).toFixed(1)} kB compressed`);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    await context.close();
  });
});
