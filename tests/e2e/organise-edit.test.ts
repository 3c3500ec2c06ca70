import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();

type Task = {
  title: string;
  description: string | null;
  list_id: string | null;
  due_date: string | null;
  due_time: string | null;
  priority: number;
  labels: string[];
};

describe("the detail panel", () => {
  it("the detail panel sets every field", async () => {
    const user = await createUser("detail");
    const api = await apiAs(user);
    const work = await api.post<{ id: string }>("/lists", { name: "Work" });
    const [created] = await api.createTasks([{ title: "Plan the offsite", labels: ["old"] }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();

    await t.editButton("Plan the offsite").click();
    await page.getByLabel("Task title").fill("Plan the team offsite");
    await page.getByLabel("Task note").fill("Venue, food, agenda");
    await page.getByLabel("List", { exact: true }).selectOption({ label: "Work" });
    await page.getByLabel("Priority", { exact: true }).selectOption("2");
    // The native date field is typed into from the keyboard, segment by segment.
    await page.getByLabel("Due date", { exact: true }).focus();
    await page.keyboard.type("12242026");
    await page.getByLabel("Time", { exact: true }).fill("09:30");
    const labels = page.getByRole("textbox", { name: "Labels", exact: true });
    await labels.fill("planning");
    await labels.press("Enter");
    await labels.fill("q1");
    await labels.press("Enter");
    await page.getByRole("button", { name: "Remove label old" }).click();
    await page.getByRole("button", { name: "Save" }).click();

    await expect.poll(async () => (await api.get<Task>(`/tasks/${created?.id}`)).title).toBe("Plan the team offsite");
    const saved = await api.get<Task>(`/tasks/${created?.id}`);
    expect(saved).toMatchObject({
      description: "Venue, food, agenda",
      list_id: work.id,
      priority: 2,
      due_date: "2026-12-24",
      due_time: "09:30",
      labels: ["planning", "q1"],
    });
    // Moved to Work, so it left the Inbox.
    await expect.poll(() => t.titles()).toEqual([]);
    await context.close();
  });

  it("Escape and Cancel leave the task as it was; a counter warns near the limit", async () => {
    const user = await createUser("cancel");
    const api = await apiAs(user);
    const [created] = await api.createTasks([{ title: "Keep me", priority: 3 }]);
    const { context, page } = await newVisitor(browser(), { user, width: 375, height: 740 });
    const t = taskPage(page);
    await t.open();
    await t.editButton("Keep me").click();
    await page.getByLabel("Task title").fill("Changed");
    await page.getByLabel("Task title").press("Escape");
    await expect.poll(() => t.titles()).toEqual(["Keep me"]);
    // Focus returns to the row it came from.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Edit “Keep me”");

    await t.editButton("Keep me").click();
    const title = page.getByLabel("Task title");
    expect(await page.locator(".char-count").count()).toBe(0);
    await title.fill("x".repeat(170));
    expect(await page.locator(".char-count").textContent()).toBe("170 / 200");
    await title.fill("x".repeat(201));
    expect(await page.locator(".char-count").getAttribute("class")).toContain("is-over");
    await page.getByRole("button", { name: "Save" }).click();
    expect(await page.locator(".task-detail .field-error").textContent()).toContain("at most 200");
    // A visible Cancel, for touch screens with no Escape key.
    const cancel = page.getByRole("button", { name: "Cancel" });
    expect(await cancel.isVisible()).toBe(true);
    await cancel.click();
    expect(await t.titles()).toEqual(["Keep me"]);
    expect((await api.get<Task>(`/tasks/${created?.id}`)).title).toBe("Keep me");
    await context.close();
  });
});
