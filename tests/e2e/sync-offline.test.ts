import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { pending, shellKept } from "./support/offline.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const db = sharedDatabase();

/** What PostgreSQL holds for the user: every row, trashed or not, by title. */
async function rows(userId: string) {
  const result = await db.query<{ title: string; deleted: boolean; version: number }>(
    `select title, deleted_at is not null as deleted, version from task where user_id = $1 order by title`,
    [userId],
  );
  return result.rows;
}

describe("offline", () => {
  it("changes made offline are kept, survive a reload, and reach the database once each when back", async () => {
    const user = await createUser("offline");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Edit me" }, { title: "Delete me" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await expect.poll(() => t.titles()).toEqual(["Delete me", "Edit me"]);
    await shellKept(page);

    await context.setOffline(true);
    for (const title of ["Buy stamps", "Post the letter"]) {
      await t.input.fill(title);
      await t.input.press("Enter");
    }
    await t.editButton("Edit me").click();
    await page.getByLabel("Task title").fill("Edited offline");
    await page.getByRole("button", { name: "Save" }).click();
    await t.deleteButton("Delete me").click();
    const banner = page.getByRole("status").filter({ hasText: "not saved yet" });
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain(pending(4));
    await expect.poll(() => t.titles()).toEqual(["Post the letter", "Buy stamps", "Edited offline"]);

    // A reload while offline: the service worker serves the shell, the queue and the cached copy are still there.
    await page.reload();
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain(pending(4));
    await expect
      .poll(() => t.titles(), { timeout: 30_000 })
      .toEqual(["Post the letter", "Buy stamps", "Edited offline"]);
    // Nothing edited or deleted yet. (A create may already be in: Chromium's offline switch can let a
    // request out whose answer is lost, which is the case the Idempotency-Key is for; see the count below.)
    expect((await rows(user.id)).filter((r) => r.title !== "Buy stamps" && r.title !== "Post the letter")).toEqual([
      { title: "Delete me", deleted: false, version: 1 },
      { title: "Edit me", deleted: false, version: 1 },
    ]);

    await context.setOffline(false);
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => rows(user.id), { timeout: 30_000 })
      .toEqual([
        { title: "Buy stamps", deleted: false, version: 1 },
        { title: "Delete me", deleted: true, version: 2 },
        { title: "Edited offline", deleted: false, version: 2 },
        { title: "Post the letter", deleted: false, version: 1 },
      ]);
    // Once more after a while: nothing was sent twice.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await rows(user.id)).toHaveLength(4);
    await expect.poll(() => t.titles()).toEqual(["Post the letter", "Buy stamps", "Edited offline"]);
    await context.close();
  });
});
