import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The banner's words for changes still in the offline queue. */
export const pending = (count: number) => (count === 1 ? "1 change not saved yet" : `${count} changes not saved yet`);

export const waitingBanner = (page: Page) => page.getByRole("status").filter({ hasText: "not saved yet" });

/**
 * One visit installs the offline shell: the worker keeps this page and the files it used, and the
 * panels loaded after the page (edit, quick add, bulk bar) are fetched by then too.
 */
export async function shellKept(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href.split("?")[0] ?? ""))), {
      timeout: 30_000,
    })
    .toBe(true);
  await page.waitForLoadState("load");
  await new Promise((r) => setTimeout(r, 1_000));
}
