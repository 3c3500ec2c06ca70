import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();

const titlesOf = (tasks: { title: string }[]) => tasks.map((t) => t.title);

describe("delete, undo and the trash", () => {
  it("undo is a restore, from the keyboard too", async () => {
    const user = await createUser("undo");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Oldest" }, { title: "Middle" }, { title: "Newest" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();

    await t.deleteButton("Middle").click();
    await expect.poll(() => t.titles()).toEqual(["Newest", "Oldest"]);
    // The server has it in the trash at once: every other device sees it gone.
    await expect.poll(async () => titlesOf(await api.get("/tasks"))).toEqual(["Newest", "Oldest"]);
    // Undo has the focus straight away: Enter brings the task back.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Undo");
    await page.keyboard.press("Enter");
    await expect.poll(() => t.titles()).toEqual(["Newest", "Middle", "Oldest"]);
    await expect.poll(async () => titlesOf(await api.get("/tasks"))).toEqual(["Newest", "Middle", "Oldest"]);

    // Ctrl+Z works with the focus on a task's checkbox (an <input>, but nothing is typed there).
    await t.deleteButton("Newest").click();
    await expect.poll(() => t.titles()).toEqual(["Middle", "Oldest"]);
    await t.checkbox("Oldest").focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => t.titles()).toEqual(["Newest", "Middle", "Oldest"]);
    await expect.poll(async () => titlesOf(await api.get("/tasks"))).toHaveLength(3);

    // Inside a text field Ctrl+Z belongs to the field.
    await t.deleteButton("Oldest").click();
    await t.input.fill("typing");
    await t.input.press("Control+z");
    await page.waitForTimeout(300);
    expect(await t.titles()).toEqual(["Newest", "Middle"]);
    await context.close();
  });

  it("an undo the server refuses says why", async () => {
    const user = await createUser("undo-refused");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Short-lived" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await t.deleteButton("Short-lived").click();
    await expect.poll(async () => (await api.get<unknown[]>("/trash")).length).toBe(1);
    // Another device empties the trash before Undo is pressed.
    await api.delete("/trash");
    await t.undo().click();
    const notice = page.locator(".row-error[role='alert']");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/\S/);
    expect(await t.titles()).toEqual([]);
    await context.close();
  });

  it("trash view restores and empties", async () => {
    const user = await createUser("trash");
    const api = await apiAs(user);
    const made = await api.createTasks([{ title: "Bring back" }, { title: "Gone for good" }]);
    for (const task of made) await api.delete(`/tasks/${task.id}`);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open("/tasks/trash");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Trash");
    expect(await t.titles()).toEqual(["Gone for good", "Bring back"]);
    await page.getByRole("button", { name: "Restore “Bring back”" }).click();
    await expect.poll(() => t.titles()).toEqual(["Gone for good"]);
    // The row leaves the trash at once (ADR 0140); the server has it a moment later.
    await expect.poll(async () => titlesOf(await api.get("/tasks"))).toEqual(["Bring back"]);

    await page.getByRole("button", { name: "Empty trash…" }).click();
    await page.getByRole("button", { name: "Empty trash", exact: true }).click();
    await expect.poll(() => page.locator(".empty-title").textContent()).toBe("The trash is empty");
    expect(await api.get("/trash")).toEqual([]);

    await t.nav("Inbox").click();
    await expect.poll(() => t.titles()).toEqual(["Bring back"]);
    await context.close();
  });

  it("Clear completed right after an Undo still on its way clears the restored tasks too", async () => {
    const user = await createUser("undo-then-clear");
    const api = await apiAs(user);
    const made = await api.createTasks([{ title: "Done one" }, { title: "Done two" }, { title: "Done three" }]);
    await api.post("/tasks/bulk", { ids: made.map((task) => task.id), action: "complete" });
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await page.getByRole("button", { name: "Select", exact: true }).click();
    await t.selectBox("Done one").check();
    await t.selectBox("Done two").check();
    await t.bulk().getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => t.titles()).toEqual(["Done three"]);
    await expect.poll(async () => (await api.get<unknown[]>("/trash")).length).toBe(2);
    // The Undo (a bulk restore) is held at the network: the server still has the two in its trash
    // when Clear completed asks it which tasks are done.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/tasks\/bulk$/, async (route) => {
      await held;
      await route.continue();
    });
    await t.undo().click();
    await expect.poll(() => t.titles()).toHaveLength(3);
    await page.getByRole("button", { name: "Clear completed" }).click();
    await page.waitForTimeout(300);
    release();
    await expect
      .poll(async () => titlesOf(await api.get("/trash")).sort())
      .toEqual(["Done one", "Done three", "Done two"]);
    await expect.poll(() => t.titles()).toEqual([]);
    expect(await api.get("/tasks?status=all")).toEqual([]);
    await context.close();
  });
});
