import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser } from "./chromium.ts";
import type { TestUser } from "./users.ts";

export { launchBrowser };

export interface VisitorOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** The browser's IANA zone (what Intl reports), UTC by default. */
  timeZone?: string;
  /** A phone: touch events, no hover. */
  touch?: boolean;
  user?: TestUser;
}

/** A fresh browser profile (cookies, memory) aimed at the web, optionally already signed in. */
const octet = () => Math.floor(Math.random() * 254) + 1;

export async function newVisitor(
  browser: Browser,
  options: VisitorOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const webUrl = inject("webUrl");
  const context = await browser.newContext({
    baseURL: webUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    colorScheme: options.colorScheme ?? "light",
    reducedMotion: "reduce",
    timezoneId: options.timeZone ?? "UTC",
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  context.setDefaultTimeout(15_000);
  // Each visitor is its own client address for the sign-in/sign-up per-address limit, as separate
  // people are: the stack trusts X-Forwarded-For (no proxy header configured), which a proxy in
  // front would set. Only the web's own auth endpoints get it (the API's CORS never sees it).
  const address = `10.${octet()}.${octet()}.${octet()}`;
  await context.route(`${webUrl}/api/auth/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": address } }),
  );
  if (options.user) await context.addCookies([{ ...options.user.cookie, url: webUrl }]);
  const page = await context.newPage();
  return { context, page };
}

/** Collects what the browser reports as CSP violations and page errors, for assertions. */
export function watchConsole(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return { problems };
}

/** One Chromium for a test file, launched before its tests and closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not running yet");
    return browser;
  };
}
