import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { pending, shellKept, waitingBanner } from "./support/offline.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const db = sharedDatabase();

/** The user's tasks as PostgreSQL holds them, in their manual order (trashed ones too). */
async function tasks(userId: string) {
  const result = await db.query<{ title: string; completed: boolean; deleted: boolean; version: number }>(
    `select title, completed, deleted_at is not null as deleted, version from task
     where user_id = $1 order by position collate "C", title`,
    [userId],
  );
  return result.rows;
}

async function lists(userId: string) {
  const result = await db.query<{ id: string; name: string; version: number }>(
    `select id, name, version from list where user_id = $1 order by name`,
    [userId],
  );
  return result.rows;
}

describe("offline: organising", () => {
  it("a move, a bulk complete and the Undo of a delete made offline survive a reload and reach the database once each", async () => {
    const user = await createUser("offline-organise");
    const api = await apiAs(user);
    await api.createTasks([
      { title: "Alpha" },
      { title: "Bravo" },
      { title: "Charlie" },
      { title: "Delta" },
      { title: "Echo" },
    ]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open("?sort=manual");
    await expect.poll(() => t.titles()).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    await shellKept(page);

    await context.setOffline(true);
    // A move (Alt+Up): Echo goes above Delta.
    await t.checkbox("Echo").focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => t.titles()).toEqual(["Alpha", "Bravo", "Charlie", "Echo", "Delta"]);
    // A bulk complete of two tasks.
    await t
      .row("Alpha")
      .locator(".task-body")
      .click({ modifiers: ["Control"] });
    await t.selectBox("Bravo").check();
    await t.bulk().getByRole("button", { name: "Complete" }).click();
    await expect.poll(() => t.checkbox("Alpha").isChecked()).toBe(true);
    await expect.poll(() => t.checkbox("Bravo").isChecked()).toBe(true);
    await t.bulk().getByRole("button", { name: "Done" }).click();
    // A delete, then its Undo: the row comes back where it was.
    await t.deleteButton("Charlie").click();
    await expect.poll(() => t.titles()).toEqual(["Alpha", "Bravo", "Echo", "Delta"]);
    await t.undo().click();
    await expect.poll(() => t.titles()).toEqual(["Alpha", "Bravo", "Charlie", "Echo", "Delta"]);
    const banner = waitingBanner(page);
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain(pending(4));

    await page.reload();
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain(pending(4));
    await expect.poll(() => t.titles(), { timeout: 30_000 }).toEqual(["Alpha", "Bravo", "Charlie", "Echo", "Delta"]);
    expect(await t.checkbox("Alpha").isChecked()).toBe(true);
    // Nothing reached the database yet.
    expect((await tasks(user.id)).map((r) => [r.title, r.version])).toEqual([
      ["Alpha", 1],
      ["Bravo", 1],
      ["Charlie", 1],
      ["Delta", 1],
      ["Echo", 1],
    ]);

    await context.setOffline(false);
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    const expected = [
      { title: "Alpha", completed: true, deleted: false, version: 2 },
      { title: "Bravo", completed: true, deleted: false, version: 2 },
      // Deleted, then restored: two writes, each once.
      { title: "Charlie", completed: false, deleted: false, version: 3 },
      { title: "Echo", completed: false, deleted: false, version: 2 },
      { title: "Delta", completed: false, deleted: false, version: 1 },
    ];
    await expect.poll(() => tasks(user.id), { timeout: 30_000 }).toEqual(expected);
    // Once more after a while: nothing was sent twice.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await tasks(user.id)).toEqual(expected);
    await expect.poll(() => t.titles()).toEqual(["Alpha", "Bravo", "Charlie", "Echo", "Delta"]);
    await context.close();
  });

  it("a list made and renamed offline, with a task added to it, reaches the database once; a queued rename meets a conflict", async () => {
    const user = await createUser("offline-lists");
    const api = await apiAs(user);
    const home = await api.post<{ id: string }>("/lists", { name: "Home" });
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open(`/tasks/list/${home.id}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Home");
    await shellKept(page);

    await context.setOffline(true);
    await page.getByRole("button", { name: "Rename list" }).click();
    await page.locator("#view-rename").fill("House");
    await page.locator("#view-rename").press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("House");
    await t.sidebar.getByRole("button", { name: "New list" }).click();
    await t.sidebar.getByLabel("List name").fill("Trips");
    await t.sidebar.getByLabel("List name").press("Enter");
    await expect.poll(() => t.sidebar.textContent()).toContain("Tripsnot saved yet");
    // Quick add puts the task in the list still waiting to be saved.
    await t.input.fill("Passport #Trips");
    await expect
      .poll(() => page.getByRole("list", { name: "Recognised parts" }).getByRole("listitem").allTextContents())
      .toEqual(["List#Trips×"]);
    await t.input.press("Enter");
    const banner = waitingBanner(page);
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain(pending(3));

    await page.reload();
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain(pending(3));
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 30_000 }).toBe("House");
    await expect.poll(() => t.sidebar.textContent()).toContain("Tripsnot saved yet");
    expect((await lists(user.id)).map((l) => l.name)).toEqual(["Home"]);

    await context.setOffline(false);
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(async () => (await lists(user.id)).map((l) => [l.name, l.version]), { timeout: 30_000 })
      .toEqual([
        ["House", 2],
        ["Trips", 1],
      ]);
    const trips = (await lists(user.id)).find((l) => l.name === "Trips");
    const added = async () => (await db.query(`select title, list_id from task where user_id = $1`, [user.id])).rows;
    await expect.poll(added, { timeout: 30_000 }).toEqual([{ title: "Passport", list_id: trips?.id }]);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await lists(user.id)).toHaveLength(2);
    expect((await db.query(`select 1 from task where user_id = $1`, [user.id])).rowCount).toBe(1);

    // A rename queued offline while another device renames the list: both shown, the person chooses.
    await context.setOffline(true);
    await page.getByRole("button", { name: "Rename list" }).click();
    await page.locator("#view-rename").fill("Cottage");
    await page.locator("#view-rename").press("Enter");
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain(pending(1));
    await api.put(`/lists/${home.id}`, { name: "Villa" });
    await context.setOffline(false);
    const conflict = page.getByRole("dialog", { name: "Conflicting change" });
    await expect.poll(() => conflict.textContent(), { timeout: 30_000 }).toContain("List nameCottageVilla");
    expect((await lists(user.id)).find((l) => l.id === home.id)?.name).toBe("Villa");
    await conflict.getByRole("button", { name: "Keep mine" }).click();
    await expect
      .poll(async () => (await lists(user.id)).find((l) => l.id === home.id)?.name, { timeout: 30_000 })
      .toBe("Cottage");
    await expect.poll(() => conflict.count()).toBe(0);
    await context.close();
  });

  it("Clear completed offline takes the completed tasks shown, and deletes them once when back", async () => {
    const user = await createUser("offline-clear");
    const api = await apiAs(user);
    const [one, two] = await api.createTasks([{ title: "Done one" }, { title: "Done two" }, { title: "Still open" }]);
    await api.post("/tasks/bulk", { ids: [one?.id, two?.id], action: "complete" });
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await expect.poll(() => t.titles()).toEqual(["Still open", "Done two", "Done one"]);
    await shellKept(page);

    await context.setOffline(true);
    await page.getByRole("button", { name: "Clear completed" }).click();
    await expect.poll(() => t.titles()).toEqual(["Still open"]);
    const banner = waitingBanner(page);
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain(pending(1));
    await page.reload();
    await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain(pending(1));
    await expect.poll(() => t.titles(), { timeout: 30_000 }).toEqual(["Still open"]);
    expect((await tasks(user.id)).filter((r) => r.deleted)).toEqual([]);

    await context.setOffline(false);
    const expected = [
      { title: "Done one", completed: true, deleted: true, version: 3 },
      { title: "Done two", completed: true, deleted: true, version: 3 },
      { title: "Still open", completed: false, deleted: false, version: 1 },
    ];
    const byTitle = async () => (await tasks(user.id)).sort((a, b) => a.title.localeCompare(b.title));
    await expect.poll(byTitle, { timeout: 30_000 }).toEqual(expected);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await byTitle()).toEqual(expected);
    await context.close();
  });
});
