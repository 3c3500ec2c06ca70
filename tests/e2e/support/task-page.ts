import type { Page } from "playwright-core";
import { expect } from "vitest";

/** How a person finds things on the task views: by the names a screen reader announces. */
export function taskPage(page: Page) {
  const input = page.getByLabel("New task");
  const rows = page.locator("li.task-row:not(.skeleton-row)");
  const row = (title: string) => rows.filter({ has: page.locator(".task-title", { hasText: title }) });
  const sidebar = page.getByRole("navigation", { name: "Views" });
  const settled = () => page.locator("section[aria-busy='false']").first().waitFor();

  return {
    input,
    rows,
    row,
    sidebar,
    settled,
    async open(path = "") {
      await page.goto(path.startsWith("/") ? path : `/tasks${path}`);
      await settled();
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
    selectBox: (title: string) => page.getByRole("checkbox", { name: `Select “${title}”` }),
    editButton: (title: string) => page.getByRole("button", { name: `Edit “${title}”` }),
    deleteButton: (title: string) => page.getByRole("button", { name: `Delete “${title}”` }),
    filter: (name: "All" | "Active" | "Completed") =>
      page.getByRole("navigation", { name: "Filter tasks" }).getByRole("link", { name }),
    /** A sidebar entry by the start of its name (the open count follows it). */
    nav: (name: string) => sidebar.getByRole("link", { name: new RegExp(`^${name}( \\d+ open)?$`) }),
    search: () => page.getByLabel("Search tasks"),
    sort: () => page.getByLabel("Sort"),
    undo: () => page.getByRole("button", { name: "Undo" }),
    banner: () => page.locator(".banner[role='alert']"),
    bulk: () => page.getByRole("region", { name: "Selected tasks" }),
  };
}
