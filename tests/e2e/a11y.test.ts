import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
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

/** Serious and critical findings, as "rule: target" lines, so a failure names what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${v.help})`));
}

describe("accessibility (axe-core)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`signed-out pages have no serious or critical violations (${colorScheme})`, async () => {
      const { context, page } = await newVisitor(browser, { colorScheme });
      for (const url of ["/", "/sign-in", "/sign-up"]) {
        await page.goto(url);
        expect(await seriousViolations(page), url).toEqual([]);
      }
      // With the form's own error messages showing.
      await page.goto("/sign-up");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.locator(".field-error").first().waitFor();
      expect(await seriousViolations(page), "/sign-up with errors").toEqual([]);
      await context.close();
    });

    it(`the task list has no serious or critical violations (${colorScheme})`, async () => {
      const user = await createUser(`a11y-${colorScheme}`);
      const { context, page } = await newVisitor(browser, { user, colorScheme });
      const t = taskPage(page);
      await t.open();
      expect(await seriousViolations(page), "empty list").toEqual([]);
      await t.add("First task");
      await t.add("Second task");
      await t.checkbox("First task").check();
      await t.editButton("Second task").click();
      expect(await seriousViolations(page), "list while editing").toEqual([]);
      await page.getByLabel("Task title").press("Escape");
      await t.deleteButton("Second task").click();
      await t.undo().waitFor();
      expect(await seriousViolations(page), "list with the undo toast").toEqual([]);
      await context.close();
    });
  }
});
