import { describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r = 0, g = 0, bl = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe("accessibility (axe-core)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`signed-out pages have no serious or critical violations (${colorScheme})`, async () => {
      const { context, page } = await newVisitor(browser(), { colorScheme });
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

    it(`the task views have no serious or critical violations (${colorScheme})`, async () => {
      const user = await createUser(`a11y-${colorScheme}`);
      const api = await apiAs(user);
      const list = await api.post<{ id: string }>("/lists", { name: "Home" });
      const { context, page } = await newVisitor(browser(), { user, colorScheme });
      const t = taskPage(page);
      await t.open();
      expect(await seriousViolations(page), "empty list").toEqual([]);
      await t.add("First task");
      await t.add("Second task");
      await api.createTasks([
        { title: "Dated", due_date: "2020-01-01", priority: 1, labels: ["old"], list_id: list.id },
        { title: "Soon", due_date: "2099-01-01", priority: 2 },
      ]);
      await t.checkbox("First task").check();
      await t.open();
      expect(await seriousViolations(page), "inbox with tasks").toEqual([]);
      await t.editButton("Second task").click();
      expect(await seriousViolations(page), "detail panel").toEqual([]);
      await page.getByLabel("Task title").press("Escape");
      await t
        .row("First task")
        .locator(".task-body")
        .click({ modifiers: ["Control"] });
      await t.bulk().waitFor();
      expect(await seriousViolations(page), "bulk bar").toEqual([]);
      await page.getByRole("button", { name: "Done" }).click();
      await t.deleteButton("Second task").click();
      await t.undo().waitFor();
      expect(await seriousViolations(page), "list with the undo toast").toEqual([]);
      for (const path of [
        "/tasks/today",
        "/tasks/upcoming",
        `/tasks/list/${list.id}`,
        "/tasks/label/old",
        "/tasks/trash",
        "/tasks?sort=manual",
      ]) {
        await t.open(path);
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await page.keyboard.press("Escape");
      await page.keyboard.press("?");
      await page.getByRole("dialog").waitFor();
      expect(await seriousViolations(page), "shortcuts dialog").toEqual([]);
      await context.close();
    });

    it(`checkbox rings have 3:1 contrast or more (${colorScheme})`, async () => {
      const user = await createUser(`a11y-ring-${colorScheme}`);
      await (await apiAs(user)).createTasks([{ title: "Plain" }, { title: "Urgent", priority: 1 }]);
      const { context, page } = await newVisitor(browser(), { user, colorScheme });
      await taskPage(page).open();
      const pairs = await page
        .locator(".task-check")
        .evaluateAll((boxes) =>
          boxes.map((box) => [getComputedStyle(box).borderTopColor, getComputedStyle(box).backgroundColor]),
        );
      expect(pairs).toHaveLength(2);
      // WCAG 1.4.11 (non-text contrast): the ring against the surface it sits on.
      for (const [ring = "", fill = ""] of pairs)
        expect(contrast(ring, fill), `${ring} on ${fill}`).toBeGreaterThanOrEqual(3);
      await context.close();
    });

    it(`the phone menu has no serious or critical violations (${colorScheme})`, async () => {
      const user = await createUser(`a11y-phone-${colorScheme}`);
      const { context, page } = await newVisitor(browser(), { user, colorScheme, width: 375, height: 740 });
      await taskPage(page).open();
      await page.getByRole("button", { name: "Menu" }).click();
      expect(await seriousViolations(page), "menu open").toEqual([]);
      await context.close();
    });
  }
});

describe("accessibility of quick add and the repeat picker (issue 10)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`quick add and the repeat picker have no serious or critical violations (${colorScheme})`, async () => {
      const user = await createUser(`a11y-qa-${colorScheme}`);
      const api = await apiAs(user);
      await api.post("/lists", { name: "Home" });
      await api.createTasks([{ title: "Pay rent", due_date: "2026-12-01", recurrence: "FREQ=MONTHLY;BYMONTHDAY=1" }]);
      const { context, page } = await newVisitor(browser(), { user, colorScheme });
      const t = taskPage(page);
      await t.open();
      await t.input.pressSequentially("Pay rent every month on the 1st p1 #Home @bills");
      await page.locator(".part-chip").nth(3).waitFor();
      expect(await seriousViolations(page), "add field with chips").toEqual([]);
      await t.input.press("Escape");
      await t.editButton("Pay rent").click();
      await page.getByLabel("Repeat", { exact: true }).selectOption("custom");
      await page.getByLabel("Custom rule (RRULE)").fill("FREQ=HOURLY");
      expect(await seriousViolations(page), "repeat picker with a refused rule").toEqual([]);
      await context.close();
    });
  }
});
