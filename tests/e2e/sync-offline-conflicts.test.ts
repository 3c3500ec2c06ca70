import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { shellKept, waitingBanner } from "./support/offline.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const db = sharedDatabase();

/** The user's tasks as PostgreSQL holds them, in their manual order (as the API sorts it). */
async function tasks(userId: string) {
  const result = await db.query<{ title: string; completed: boolean; version: number }>(
    `select title, completed, version from task
     where user_id = $1 and deleted_at is null order by position collate "C", title`,
    [userId],
  );
  return result.rows;
}

const conflictView = (page: Page) => page.getByRole("dialog", { name: "Conflicting change" });

/** Another device of the same person renames a task through its edit panel (one version more). */
async function renameElsewhere(page: Page, from: string, to: string) {
  const t = taskPage(page);
  await t.editButton(from).click();
  await page.getByLabel("Task title").fill(to);
  await page.getByRole("button", { name: "Save" }).click();
}

describe("offline changes that meet a change made elsewhere (ADR 0140)", () => {
  it("a move queued offline onto a task renamed elsewhere is re-applied: both changes kept, no conflict view", async () => {
    const user = await createUser("offline-move-412");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Alpha" }, { title: "Bravo" }, { title: "Charlie" }]);
    const a = await newVisitor(browser(), { user });
    const b = await newVisitor(browser(), { user });
    const ta = taskPage(a.page);
    const tb = taskPage(b.page);
    await ta.open("?sort=manual");
    await tb.open("?sort=manual");
    await expect.poll(() => ta.titles()).toEqual(["Alpha", "Bravo", "Charlie"]);
    await shellKept(a.page);

    // A, offline, moves Charlie above Bravo.
    await a.context.setOffline(true);
    await ta.checkbox("Charlie").focus();
    await a.page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => ta.titles()).toEqual(["Alpha", "Charlie", "Bravo"]);
    const banner = waitingBanner(a.page);
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain("1 change not saved yet");

    // B, online, renames the same task first: its version moves on, A's If-Match is stale.
    await renameElsewhere(b.page, "Charlie", "Charlie (B)");
    await expect
      .poll(() => tasks(user.id))
      .toEqual([
        { title: "Alpha", completed: false, version: 1 },
        { title: "Bravo", completed: false, version: 1 },
        { title: "Charlie (B)", completed: false, version: 2 },
      ]);

    // A comes back: the move meets 412 and goes again onto the current version by itself.
    await a.context.setOffline(false);
    const expected = [
      { title: "Alpha", completed: false, version: 1 },
      { title: "Charlie (B)", completed: false, version: 3 },
      { title: "Bravo", completed: false, version: 1 },
    ];
    await expect.poll(() => tasks(user.id), { timeout: 30_000 }).toEqual(expected);
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    expect(await conflictView(a.page).count()).toBe(0);
    // Once more after a while: the move was not sent twice, and no conflict view appeared late.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await tasks(user.id)).toEqual(expected);
    expect(await conflictView(a.page).count()).toBe(0);
    await expect.poll(() => ta.titles(), { timeout: 20_000 }).toEqual(["Alpha", "Charlie (B)", "Bravo"]);
    await a.context.close();
    await b.context.close();
  });

  for (const choice of ["Keep mine", "Take theirs"] as const) {
    it(`a bulk complete queued offline meets a rename elsewhere: the task's field shown, "${choice}" applied`, async () => {
      const user = await createUser("offline-bulk-412");
      const api = await apiAs(user);
      await api.createTasks([{ title: "Alpha" }, { title: "Bravo" }]);
      const a = await newVisitor(browser(), { user });
      const b = await newVisitor(browser(), { user });
      const ta = taskPage(a.page);
      const tb = taskPage(b.page);
      await ta.open("?sort=manual");
      await tb.open("?sort=manual");
      await expect.poll(() => ta.titles()).toEqual(["Alpha", "Bravo"]);
      await shellKept(a.page);

      // A, offline, completes both at once (if_versions: each at version 1).
      await a.context.setOffline(true);
      await ta
        .row("Alpha")
        .locator(".task-body")
        .click({ modifiers: ["Control"] });
      await ta.selectBox("Bravo").check();
      await ta.bulk().getByRole("button", { name: "Complete" }).click();
      await expect.poll(() => ta.checkbox("Alpha").isChecked()).toBe(true);
      await expect.poll(() => ta.checkbox("Bravo").isChecked()).toBe(true);
      await ta.bulk().getByRole("button", { name: "Done" }).click();
      const banner = waitingBanner(a.page);
      await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain("1 change not saved yet");

      // B, online, renames one of them first.
      await renameElsewhere(b.page, "Bravo", "Bravo (B)");
      await expect.poll(async () => (await tasks(user.id)).map((r) => r.version)).toEqual([1, 2]);

      // A comes back: 412, the conflict view shows the field the bulk sets, for the changed task only.
      await a.context.setOffline(false);
      const view = conflictView(a.page);
      await view.waitFor({ timeout: 30_000 });
      expect(await view.textContent()).toContain("A task you changed together");
      const rows = view.locator("tbody tr");
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getByRole("rowheader").textContent()).toBe("Bravo (B): Done");
      expect(await rows.first().getByRole("cell").allTextContents()).toEqual(["Yes", "No"]);
      // All or nothing: not even the unchanged task was completed while the person decides.
      expect(await tasks(user.id)).toEqual([
        { title: "Alpha", completed: false, version: 1 },
        { title: "Bravo (B)", completed: false, version: 2 },
      ]);

      await view.getByRole("button", { name: choice }).click();
      // "Keep mine" sends the bulk again onto the current versions: both completed, B's title kept.
      // "Take theirs" drops the whole bulk change: nothing of it is applied.
      const expected =
        choice === "Keep mine"
          ? [
              { title: "Alpha", completed: true, version: 2 },
              { title: "Bravo (B)", completed: true, version: 3 },
            ]
          : [
              { title: "Alpha", completed: false, version: 1 },
              { title: "Bravo (B)", completed: false, version: 2 },
            ];
      await expect.poll(() => tasks(user.id), { timeout: 30_000 }).toEqual(expected);
      await expect.poll(() => view.count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await tasks(user.id)).toEqual(expected);
      const done = choice === "Keep mine";
      await expect.poll(() => ta.titles(), { timeout: 20_000 }).toEqual(["Alpha", "Bravo (B)"]);
      await expect.poll(() => ta.checkbox("Alpha").isChecked(), { timeout: 20_000 }).toBe(done);
      await expect.poll(() => ta.checkbox("Bravo (B)").isChecked(), { timeout: 20_000 }).toBe(done);
      await a.context.close();
      await b.context.close();
    });
  }
});
