import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeRule } from "@todo/recurrence";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../../tests/e2e/support/chromium.ts";
import { type CorpusCase, corpus, LISTS, NOW, ZONE } from "./corpus.ts";
import { parseQuickAdd } from "./parse.ts";

// The web and the API must read a line the same way (7.1). This runs the package, bundled for the
// browser as the web's bundler would, inside Chromium set to another machine zone, over the whole
// corpus, and compares with Node's answers field by field.

type Bundle = { parseQuickAdd: typeof parseQuickAdd; describeRule: typeof describeRule };
const cases = Object.values(corpus).flat();
// Rules in words use the platform's date formatting for UNTIL: the same words on both sides too.
const RULES = ["FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;UNTIL=20270131", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=5", "FREQ=DAILY"];
const inputs = cases.map((c: CorpusCase) => ({ text: c.text, now: c.now ?? NOW, zone: c.zone ?? ZONE }));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe("the corpus in Chromium", () => {
  it("parses every input (and words rules) exactly as Node does", async () => {
    const bundle = await build({
      stdin: {
        contents: 'export { parseQuickAdd } from "./parse.ts"; export { describeRule } from "@todo/recurrence";',
        resolveDir: dirname(fileURLToPath(import.meta.url)),
      },
      absWorkingDir: join(dirname(fileURLToPath(import.meta.url)), ".."),
      bundle: true,
      format: "iife",
      globalName: "quickAdd",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const context = await browser.newContext({ timezoneId: "Asia/Kolkata", locale: "fr-FR" });
    const page = await context.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
    const inBrowser = await page.evaluate(
      ({ inputs, lists, rules }) => {
        const { parseQuickAdd, describeRule } = (globalThis as unknown as { quickAdd: Bundle }).quickAdd;
        return {
          parsed: inputs.map((i) => parseQuickAdd(i.text, { now: new Date(i.now), timeZone: i.zone, lists })),
          words: rules.map((r) => describeRule(r)),
        };
      },
      { inputs, lists: LISTS, rules: RULES },
    );
    await context.close();
    const inNode = inputs.map((i) => parseQuickAdd(i.text, { now: new Date(i.now), timeZone: i.zone, lists: LISTS }));
    expect(inBrowser.parsed).toHaveLength(cases.length);
    inputs.forEach((input, n) => {
      expect(inBrowser.parsed[n], input.text).toEqual(inNode[n]);
    });
    expect(inBrowser.words).toEqual(RULES.map((r) => describeRule(r)));
  });
});
