import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium (installed by .ci/run), headless, with nothing that phones home.
 * Kept free of Vitest so the screenshot script (plain tsx) can use it too.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
