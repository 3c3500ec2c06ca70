import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser, watchConsole } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiToken, callApi, createUser } from "./support/users.ts";

const browser = sharedBrowser();

describe("refusals and hostile input", () => {
  it("a change to a task deleted elsewhere: the row goes away, no ghost row, nothing recreated", async () => {
    const user = await createUser("refused");
    const token = await apiToken(user);
    const created = await callApi(token, "POST", `/api/${user.id}/tasks`, { title: "Already gone" });
    const task = (await created.json()) as { id: string };
    const { context, page } = await newVisitor(browser(), { user });
    // Without live updates (they would take the deleted row away first, see sync-live.test.ts),
    // so the change reaches the API and meets its 404 (contract 9: it disappears, no error).
    await context.route("**/events", (route) => route.abort());
    const t = taskPage(page);
    await t.open();
    // Deleted elsewhere (another tab, another device) after this page loaded.
    expect((await callApi(token, "DELETE", `/api/${user.id}/tasks/${task.id}`)).status).toBe(204);
    await t.checkbox("Already gone").click();
    await expect.poll(() => t.titles()).toEqual([]);
    expect(await page.locator(".row-error").count()).toBe(0);
    // Still in the trash, not completed and not brought back by the change.
    expect((await callApi(token, "GET", `/api/${user.id}/tasks/${task.id}`)).status).toBe(404);
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
