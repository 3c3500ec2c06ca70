import { todayIn } from "@todo/contract";
import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();

type Task = {
  id: string;
  title: string;
  completed: boolean;
  due_date: string | null;
  recurrence: string | null;
  recurring_task_id: string | null;
};

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe("recurring tasks on the web", () => {
  it("the detail panel picks a common rule, says it in words, and saves it", async () => {
    const user = await createUser("rec-picker");
    const api = await apiAs(user);
    // 2026-12-01 is a Tuesday.
    const [task] = await api.createTasks([{ title: "Pay rent", due_date: "2026-12-01" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();

    await t.editButton("Pay rent").click();
    const repeat = page.getByLabel("Repeat", { exact: true });
    await repeat.waitFor(); // the panel loads on first open
    expect(await repeat.locator("option").allTextContents()).toEqual([
      "Does not repeat",
      "Every day",
      "Every weekday (Mon–Fri)",
      "Every week on Tuesday",
      "Every month on the 1st",
      "Every year",
      "Custom rule…",
    ]);
    await repeat.selectOption({ label: "Every month on the 1st" });
    await expect.poll(() => page.locator(".recurrence-words").textContent()).toBe("Every month on the 1st");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(async () => (await api.get<Task>(`/tasks/${task?.id}`)).recurrence)
      .toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    await expect
      .poll(() => t.row("Pay rent").locator(".meta-repeat").textContent())
      .toBe("Repeats: Every month on the 1st");

    // Reopened, the panel shows the saved rule as chosen.
    await t.editButton("Pay rent").click();
    expect(await page.getByLabel("Repeat", { exact: true }).inputValue()).toBe("monthly");
    await page.getByRole("button", { name: "Cancel" }).click();
    await context.close();
  });

  it("a custom rule is checked as the API checks it, and the server's refusal is shown", async () => {
    const user = await createUser("rec-custom");
    const api = await apiAs(user);
    const [task] = await api.createTasks([{ title: "Team sync", due_date: "2026-12-07" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();

    await t.editButton("Team sync").click();
    await page.getByLabel("Repeat", { exact: true }).selectOption("custom");
    const rule = page.getByLabel("Custom rule (RRULE)");
    await rule.fill("FREQ=HOURLY");
    await expect.poll(() => page.locator(".recurrence-field .field-error").textContent()).toContain("HOURLY");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "Repeat:" }).count()).toBe(1);
    expect((await api.get<Task>(`/tasks/${task?.id}`)).recurrence).toBeNull();

    await rule.fill("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO");
    await expect.poll(() => page.locator(".recurrence-words").textContent()).toBe("Every 2 weeks on Mon");
    // A repeating task needs a date: the API says so, and the row shows its words.
    await page.getByLabel("Due date", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => t.row("Team sync").locator(".row-error").textContent()).toMatch(/due_date/);
    expect((await api.get<Task>(`/tasks/${task?.id}`)).recurrence).toBeNull();
    await context.close();
  });

  it("completing a recurring task moves its row to the next date and keeps the occurrence under Completed", async () => {
    const user = await createUser("rec-complete");
    const api = await apiAs(user);
    const today = todayIn("UTC");
    const [task] = await api.createTasks([{ title: "Water plants", due_date: today, recurrence: "FREQ=DAILY" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    // Active only: under All the history copy would be listed beside the series.
    await t.open("?filter=active");

    const row = t.row("Water plants");
    await expect.poll(() => row.locator(".meta-due").textContent()).toBe("Today");
    // Hold the completion at the network, to see what the row shows while it is on its way.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/complete$/, async (route) => {
      await held;
      await route.continue();
    });
    await t.checkbox("Water plants").click();
    await page.waitForTimeout(400);
    // Not shown as done while waiting: a tick would undo itself when the series moves.
    expect(await t.checkbox("Water plants").isChecked()).toBe(false);
    expect(await row.locator(".meta-due").textContent()).toBe("Today");
    release();
    // The server's answer: still open, due the next day.
    await expect.poll(() => row.locator(".meta-due").textContent()).toBe("Tomorrow");
    expect(await t.checkbox("Water plants").isChecked()).toBe(false);
    const moved = await api.get<Task>(`/tasks/${task?.id}`);
    expect(moved).toMatchObject({ completed: false, due_date: addDays(today, 1) });

    await t.filter("Completed").click();
    const past = t.row("Water plants");
    await expect.poll(() => past.count()).toBe(1);
    expect(await past.locator(".meta-history").textContent()).toBe("Past occurrence");
    expect(await past.locator(".meta-due").textContent()).toBe("Today");
    expect(await t.checkbox("Water plants").isChecked()).toBe(true);
    await context.close();
  });
});
