import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser, watchConsole } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiToken, callApi, createUser } from "./support/users.ts";

const browser = sharedBrowser();

describe("managing tasks", () => {
  it("adds, edits, completes, filters, deletes with undo, and keeps it all after a reload", async () => {
    const user = await createUser("flow");
    const { context, page } = await newVisitor(browser(), { user });
    const console = watchConsole(page);
    const t = taskPage(page);
    await t.open();
    expect(await page.locator(".empty-state").textContent()).toContain("Type your first task");

    // Add: Enter submits, the text is trimmed, the newest comes first.
    await t.add("  Buy milk  ");
    await t.add("Call the plumber");
    await t.add("Water the plants");
    expect(await t.titles()).toEqual(["Water the plants", "Call the plumber", "Buy milk"]);
    expect(await t.left()).toBe("3 tasks left");
    expect(await t.input.inputValue()).toBe("");

    // Empty is refused without a request.
    await t.input.fill("   ");
    await t.input.press("Enter");
    expect(await page.locator(".new-task-error").textContent()).toContain("Type a task first");
    expect(await t.rows.count()).toBe(3);

    // Edit in place: Enter saves, Escape cancels.
    await t.editButton("Call the plumber").click();
    const editor = page.getByLabel("Task title");
    await editor.fill("Call the plumber about the sink");
    await page.getByLabel("Task note").fill("Number is on the fridge");
    await editor.press("Enter");
    await expect.poll(() => t.titles()).toContain("Call the plumber about the sink");
    expect(await t.row("Call the plumber about the sink").locator(".task-description").textContent()).toBe(
      "Number is on the fridge",
    );
    await t.editButton("Buy milk").click();
    await page.getByLabel("Task title").fill("Something else entirely");
    await page.getByLabel("Task title").press("Escape");
    await expect.poll(() => t.titles()).toContain("Buy milk");
    expect(await t.titles()).not.toContain("Something else entirely");

    // Complete, and the counter follows.
    await t.checkbox("Buy milk").check();
    await expect.poll(() => t.left()).toBe("2 tasks left");
    await t.checkbox("Water the plants").check();
    await expect.poll(() => t.left()).toBe("1 task left");
    await t.checkbox("Water the plants").uncheck();
    await expect.poll(() => t.left()).toBe("2 tasks left");

    // Filters live in the URL.
    await t.filter("Completed").click();
    await expect.poll(() => page.url()).toContain("filter=completed");
    await expect.poll(() => t.titles()).toEqual(["Buy milk"]);
    await t.filter("Active").click();
    await expect.poll(() => page.url()).toContain("filter=active");
    await expect.poll(() => t.titles()).toEqual(["Water the plants", "Call the plumber about the sink"]);
    await t.filter("All").click();
    await expect.poll(() => t.titles()).toHaveLength(3);

    // Delete, undo: it comes back in its place (a restore on the server).
    await t.deleteButton("Call the plumber about the sink").click();
    await expect.poll(() => t.titles()).toEqual(["Water the plants", "Buy milk"]);
    await t.undo().click();
    await expect.poll(() => t.titles()).toEqual(["Water the plants", "Call the plumber about the sink", "Buy milk"]);

    // Delete for real: the API has it in the trash at once, not after a delay.
    await t.deleteButton("Water the plants").click();
    const token = await apiToken(user);
    await expect
      .poll(async () => ((await (await callApi(token, "GET", `/api/${user.id}/tasks`)).json()) as unknown[]).length)
      .toBe(2);
    await page.reload();
    await t.settled();
    expect(await t.titles()).toEqual(["Call the plumber about the sink", "Buy milk"]);
    expect(await t.checkbox("Buy milk").isChecked()).toBe(true);
    expect(await t.left()).toBe("1 task left");
    await page.goto("/tasks?filter=completed");
    await t.settled();
    expect(await t.titles()).toEqual(["Buy milk"]);

    expect(console.problems).toEqual([]);
    await context.close();
  });

  it("works from the keyboard alone", async () => {
    const user = await createUser("keys");
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await page.keyboard.type("Keyboard task");
    await page.keyboard.press("Enter");
    await expect.poll(() => t.titles()).toEqual(["Keyboard task"]);
    await expect.poll(() => page.locator("li.task-row.is-unsaved").count()).toBe(0);
    await t.checkbox("Keyboard task").focus();
    await page.keyboard.press("Space");
    await expect.poll(() => t.left()).toBe("0 tasks left");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Edit “Keyboard task”");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Renamed by keyboard");
    await page.keyboard.press("Enter");
    await expect.poll(() => t.titles()).toEqual(["Renamed by keyboard"]);
    await context.close();
  });

  it("keeps an open edit when focus leaves it, until Save", async () => {
    const user = await createUser("blur");
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await t.add("Draft title");
    await t.editButton("Draft title").click();
    await page.getByLabel("Task title").fill("Final title");
    await t.input.click(); // somewhere else on the page: nothing typed is lost
    expect(await page.getByLabel("Task title").inputValue()).toBe("Final title");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => t.titles()).toEqual(["Final title"]);
    const token = await apiToken(user);
    await expect
      .poll(
        async () =>
          ((await (await callApi(token, "GET", `/api/${user.id}/tasks`)).json()) as { title: string }[])[0]?.title,
      )
      .toBe("Final title");
    await context.close();
  });

  it("adds a task with a note", async () => {
    const user = await createUser("note");
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await page.getByRole("button", { name: "Add a note" }).click();
    await page.getByLabel("Note (optional)").fill("Line one\nLine two");
    await t.input.fill("With a note");
    await t.input.press("Enter");
    await expect.poll(() => t.row("With a note").locator(".task-description").textContent()).toBe("Line one\nLine two");
    await context.close();
  });
});
