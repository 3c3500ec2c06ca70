import type { Page } from "playwright-core";
import { expect } from "vitest";

/** How a person finds things on /tasks: by the names a screen reader announces. */
export function taskPage(page: Page) {
  const input = page.getByLabel("New task");
  const rows = page.locator("li.task-row:not(.skeleton-row)");
  const row = (title: string) => rows.filter({ has: page.locator(".task-title", { hasText: title }) });

  return {
    input,
    rows,
    row,
    async open(query = "") {
      await page.goto(`/tasks${query}`);
      await page.locator("[aria-busy='false']").waitFor();
    },
    async add(title: string) {
      const before = await rows.count();
      await input.fill(title);
      await input.press("Enter");
      await expect.poll(() => rows.count()).toBe(before + 1);
      await expect.poll(() => page.locator("li.task-row.is-unsaved").count()).toBe(0);
    },
    titles: () => page.locator("li.task-row .task-title").allTextContents(),
    left: () => page.locator(".tasks-left").textContent(),
    checkbox: (title: string) => page.getByRole("checkbox", { name: title, exact: true }),
    editButton: (title: string) => page.getByRole("button", { name: `Edit “${title}”` }),
    deleteButton: (title: string) => page.getByRole("button", { name: `Delete “${title}”` }),
    filter: (name: "All" | "Active" | "Completed") =>
      page.getByRole("navigation", { name: "Filter tasks" }).getByRole("link", { name }),
    undo: () => page.getByRole("button", { name: "Undo" }),
    banner: () => page.locator(".banner[role='alert']"),
  };
}
