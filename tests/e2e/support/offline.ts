import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The banner's words for changes still in the offline queue. */
export const pending = (count: number) => (count === 1 ? "1 change not saved yet" : `${count} changes not saved yet`);

export const waitingBanner = (page: Page) => page.getByRole("status").filter({ hasText: "not saved yet" });

/** The files of the build the web's server lists (ADR 0147) that the service worker does not hold yet. */
export const buildFilesMissing = (page: Page) =>
  page.evaluate(async () => {
    const { files } = (await (await fetch("/offline-files.json")).json()) as { files: string[] };
    const kept = await caches.open("todo-static-v1");
    return (await Promise.all(files.map(async (file) => ((await kept.match(file)) ? null : file)))).filter(Boolean);
  });

/**
 * One visit installs the offline shell: the worker keeps this page and every file of the build
 * (the panels loaded only when used among them), and the panels fetched after the page (edit,
 * bulk bar) have arrived.
 */
export async function shellKept(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href.split("?")[0] ?? ""))), {
      timeout: 30_000,
    })
    .toBe(true);
  await page.waitForLoadState("load");
  await expect.poll(() => buildFilesMissing(page), { timeout: 30_000 }).toEqual([]);
  await new Promise((r) => setTimeout(r, 1_000));
}
