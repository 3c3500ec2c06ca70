import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser, watchConsole } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiToken, callApi, createUser } from "./support/users.ts";

const browser = sharedBrowser();

describe("refusals and hostile input", () => {
  it("rolls back a change the API refuses and shows the server's message", async () => {
    const user = await createUser("refused");
    const token = await apiToken(user);
    const created = await callApi(token, "POST", `/api/${user.id}/tasks`, { title: "Already gone" });
    const task = (await created.json()) as { id: string };
    const { context, page } = await newVisitor(browser(), { user });
    // Without live updates (they would take the deleted row away first, see sync-live.test.ts),
    // so the change reaches the API and meets its refusal.
    await context.route("**/events", (route) => route.abort());
    const t = taskPage(page);
    await t.open();
    // Deleted elsewhere (another tab, another device) after this page loaded.
    expect((await callApi(token, "DELETE", `/api/${user.id}/tasks/${task.id}`)).status).toBe(204);
    // click, not check(): the optimistic tick may already be rolled back when check() looks.
    await t.checkbox("Already gone").click();
    const error = t.row("Already gone").locator(".row-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("There is no task with that id");
    expect(await t.checkbox("Already gone").isChecked()).toBe(false);
    await context.close();
  });

  it("shows a script-like title as text", async () => {
    const user = await createUser("xss");
    const { context, page } = await newVisitor(browser(), { user });
    const reports = watchConsole(page);
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    const t = taskPage(page);
    await t.open();
    const title = "<img src=x onerror=alert(1)>";
    await t.add(title);
    await page.reload();
    await page.locator("[aria-busy='false']").waitFor();
    expect(await t.titles()).toEqual([title]);
    expect(await page.locator(".task-list img").count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(reports.problems).toEqual([]);
    await context.close();
  });
});
