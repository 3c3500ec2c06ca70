import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export interface Summary {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  domNodes: number;
  jsKb: number;
  /** The full Lighthouse report (open it in the Lighthouse viewer for the details). */
  report: string;
}

const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"];

/** One Lighthouse run of `url` in a fresh Chromium, signed in by `cookie`; its default (mobile) profile. */
export async function runLighthouse(url: string, cookie: string, reportDir: string): Promise<Summary> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ["performance"],
      extraHeaders: { Cookie: cookie },
      logLevel: "error",
      output: "json",
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { lhr } = result;
    mkdirSync(reportDir, { recursive: true });
    const report = `${reportDir}/lighthouse-${Date.now()}.json`;
    writeFileSync(report, JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const scripts = (
      lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] }
    )?.items
      ?.filter((r) => r.resourceType === "Script")
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcpMs: Math.round(value("first-contentful-paint")),
      lcpMs: Math.round(value("largest-contentful-paint")),
      tbtMs: Math.round(value("total-blocking-time")),
      cls: Math.round(value("cumulative-layout-shift") * 1000) / 1000,
      speedIndexMs: Math.round(value("speed-index")),
      domNodes: value("dom-size"),
      jsKb: Math.round((scripts ?? 0) / 102.4) / 10,
      report,
    };
  } finally {
    chrome.kill();
  }
}
