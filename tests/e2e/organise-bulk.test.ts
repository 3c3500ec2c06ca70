import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();

type Task = {
  title: string;
  completed: boolean;
  priority: number;
  list_id: string | null;
  labels: string[];
  due_date: string | null;
};
const byTitle = async (api: Awaited<ReturnType<typeof apiAs>>, path = "/tasks?status=all") =>
  new Map((await api.get<Task[]>(path)).map((t) => [t.title, t]));

/** Centre and vertical edges of an element on the screen. */
async function box(locator: import("playwright-core").Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element not on screen");
  return { x: b.x + b.width / 2, y: b.y + b.height / 2, top: b.y, bottom: b.y + b.height };
}

/** How many changes the page's write queue still holds (IndexedDB, ADR 0125). */
const queued = (page: import("playwright-core").Page, userId: string) =>
  page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("todo-sync");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("outbox").objectStore("outbox").get(id);
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve(((read.result as unknown[] | undefined) ?? []).length);
          };
        };
      }),
    userId,
  );

/** The title of the row whose control has the keyboard focus. */
const focusedTitle = (page: import("playwright-core").Page) =>
  page.evaluate(() => document.activeElement?.closest("li")?.querySelector(".task-title")?.textContent ?? null);

describe("many at once, order and shortcuts", () => {
  it("select many and act on them", async () => {
    const user = await createUser("bulk");
    const api = await apiAs(user);
    const home = await api.post<{ id: string }>("/lists", { name: "Home" });
    await api.createTasks(["A", "B", "C", "D", "E"].map((title) => ({ title: `Task ${title}` })));
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    // Newest first: E D C B A. Ctrl+click one, Shift+click extends the range.
    await t
      .row("Task E")
      .locator(".task-body")
      .click({ modifiers: ["Control"] });
    await t
      .row("Task C")
      .locator(".task-body")
      .click({ modifiers: ["Shift"] });
    await expect.poll(() => t.bulk().locator(".bulk-count").textContent()).toBe("3 selected");
    // `x` on the focused row adds it.
    await t.checkbox("Task A").focus();
    await page.keyboard.press("x");
    await expect.poll(() => t.bulk().locator(".bulk-count").textContent()).toBe("4 selected");
    await t.selectBox("Task A").uncheck();

    await t.bulk().getByLabel("Set priority").selectOption("1");
    await expect.poll(async () => (await byTitle(api)).get("Task D")?.priority).toBe(1);
    await t.bulk().getByLabel("Due date for selected").fill("2026-12-31");
    await t.bulk().getByRole("button", { name: "Set date" }).click();
    await expect.poll(async () => (await byTitle(api)).get("Task C")?.due_date).toBe("2026-12-31");
    await t.bulk().getByLabel("Label for selected").fill("batch");
    await t.bulk().getByRole("button", { name: "Add label" }).click();
    await expect.poll(async () => (await byTitle(api)).get("Task E")?.labels).toEqual(["batch"]);
    await t.bulk().getByRole("button", { name: "Complete" }).click();
    await expect.poll(async () => (await byTitle(api)).get("Task E")?.completed).toBe(true);
    const after = await byTitle(api);
    expect(after.get("Task A")).toMatchObject({ priority: 4, completed: false, labels: [] });
    expect(after.get("Task B")).toMatchObject({ priority: 4, completed: false });

    await t.bulk().getByLabel("Move to list").selectOption({ label: "Home" });
    await expect.poll(async () => (await byTitle(api)).get("Task D")?.list_id).toBe(home.id);
    await expect.poll(() => t.titles()).toEqual(["Task B", "Task A"]);

    // Delete many, and Undo brings them all back.
    await t.nav("Home").click();
    await expect.poll(() => t.titles()).toHaveLength(3);
    await page.getByRole("button", { name: "Select", exact: true }).click();
    await t.bulk().waitFor({ state: "detached" });
    await t.selectBox("Task E").check();
    await t.selectBox("Task D").check();
    await t.bulk().getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => t.titles()).toEqual(["Task C"]);
    await t.undo().click();
    await expect.poll(() => t.titles()).toHaveLength(3);

    // Clear completed: all three are done, so the list empties (into the trash).
    await page.getByRole("button", { name: "Clear completed" }).click();
    await expect.poll(() => t.titles()).toEqual([]);
    // The rows leave at once; the server's answer follows.
    await expect
      .poll(async () => (await api.get<Task[]>("/trash")).map((x) => x.title).sort())
      .toEqual(["Task C", "Task D", "Task E"]);
    await context.close();
  });

  it("a refused bulk change shows the server's words and changes nothing", async () => {
    const user = await createUser("bulk-refused");
    const api = await apiAs(user);
    const [kept, gone] = await api.createTasks([{ title: "Kept" }, { title: "Gone elsewhere" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await page.getByRole("button", { name: "Select", exact: true }).click();
    await t.selectBox("Kept").check();
    await t.selectBox("Gone elsewhere").check();
    // Another device deletes one of them meanwhile: the bulk change is all or nothing. The page's
    // pull of the change feed is held until then, or the live sync may take the deleted task off
    // the page (and the selection) before the bulk change is sent, which then succeeds.
    let releaseFeed: () => void = () => {};
    const feedHeld = new Promise<void>((r) => {
      releaseFeed = r;
    });
    await page.route(/\/api\/[^/]+\/changes(\?|$)/, async (route) => {
      await feedHeld;
      await route.continue().catch(() => {}); // the page may have closed meanwhile
    });
    await api.delete(`/tasks/${gone?.id}`);
    await t.bulk().getByLabel("Set priority").selectOption("1");
    await expect.poll(() => t.bulk().locator(".field-error").textContent()).toMatch(/\S/);
    expect((await api.get<Task>(`/tasks/${kept?.id}`)).priority).toBe(4);
    releaseFeed();
    await context.close();
  });

  it("reorders with Alt+Up/Down", async () => {
    const user = await createUser("order");
    const api = await apiAs(user);
    await api.createTasks([{ title: "First" }, { title: "Second" }, { title: "Third" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open("?sort=manual");
    expect(await t.titles()).toEqual(["First", "Second", "Third"]);
    await t.checkbox("Third").focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => t.titles()).toEqual(["First", "Third", "Second"]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/-toggle$/);
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => t.titles()).toEqual(["Third", "First", "Second"]);
    await t.checkbox("First").focus();
    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => t.titles()).toEqual(["Third", "Second", "First"]);
    await page.reload();
    await t.settled();
    expect(await t.titles()).toEqual(["Third", "Second", "First"]);

    // Dragging the handle with a mouse does the same: First goes above Third.
    const from = await box(t.row("First").locator(".drag-handle"));
    const to = await box(t.row("Third"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, to.top + 4, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => t.titles()).toEqual(["First", "Third", "Second"]);
    await context.close();
  });

  it("a move answered late leaves the focus where the person went: the next Alt+arrow moves that task", async () => {
    const user = await createUser("order-late");
    const api = await apiAs(user);
    await api.createTasks([{ title: "First" }, { title: "Second" }, { title: "Third" }]);
    const { context, page } = await newVisitor(browser(), { user });
    // A slow connection: the move is held at the network until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/move", async (route) => {
      await held;
      await route.continue();
    });
    const t = taskPage(page);
    await t.open("?sort=manual");
    await t.checkbox("Third").focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect.poll(() => t.titles()).toEqual(["First", "Third", "Second"]);
    expect(await focusedTitle(page)).toBe("Third");

    // The person goes on to another row; only then does the server answer.
    await t.checkbox("First").focus();
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/move"));
    release();
    await answered;
    await expect.poll(() => queued(page, user.id)).toBe(0);
    // The page has done what it does with the answer (a focus move waits for the next frame).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await focusedTitle(page)).toBe("First");

    await page.keyboard.press("Alt+ArrowDown");
    await expect.poll(() => t.titles()).toEqual(["Third", "First", "Second"]);
    expect(await focusedTitle(page)).toBe("First");
    await expect
      .poll(async () => (await api.get<Task[]>("/tasks?sort=manual")).map((x) => x.title))
      .toEqual(["Third", "First", "Second"]);
    await context.close();
  });

  it("reorders by touch on a phone", async () => {
    const user = await createUser("touch");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Alpha" }, { title: "Beta" }, { title: "Gamma" }]);
    const { context, page } = await newVisitor(browser(), { user, touch: true, width: 375, height: 740 });
    const t = taskPage(page);
    await t.open("?sort=manual");
    // A finger on Alpha's handle, moved onto the lower half of Gamma: Alpha goes last.
    const from = await box(t.row("Alpha").locator(".drag-handle"));
    const to = await box(t.row("Gamma"));
    const cdp = await context.newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", y: number) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints: type === "touchEnd" ? [] : [{ x: from.x, y }],
      });
    await touch("touchStart", from.y);
    for (let step = 1; step <= 6; step++) await touch("touchMove", from.y + ((to.bottom - 4 - from.y) * step) / 6);
    await touch("touchEnd", to.bottom - 4);
    await expect.poll(() => t.titles()).toEqual(["Beta", "Gamma", "Alpha"]);
    await page.reload();
    await t.settled();
    expect(await t.titles()).toEqual(["Beta", "Gamma", "Alpha"]);
    await context.close();
  });

  it("keyboard shortcuts", async () => {
    const user = await createUser("shortcuts");
    const api = await apiAs(user);
    await api.createTasks([{ title: "One" }, { title: "Two" }, { title: "Three" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await page.locator("body").click();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Go to Inbox / Today / Upcoming");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    await page.keyboard.press("j");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby"))).toBeTruthy();
    expect(await t.checkbox("Three").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("j");
    expect(await t.checkbox("Two").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("k");
    expect(await t.checkbox("Three").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("e");
    await page.getByLabel("Task title").fill("Three, edited");
    await page.keyboard.press("Enter");
    await expect.poll(() => t.titles()).toEqual(["Three, edited", "Two", "One"]);
    await t.checkbox("Two").focus();
    await page.keyboard.press("#");
    await expect.poll(() => t.titles()).toEqual(["Three, edited", "One"]);
    await page.keyboard.press("n");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("placeholder")))
      .toBe("What needs doing?");
    await page.keyboard.press("Escape");
    await page.keyboard.press("g");
    await page.keyboard.press("t");
    await expect.poll(() => page.url()).toMatch(/\/tasks\/today$/);
    // The new view focuses its task field; Escape leaves it for the shortcuts.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("placeholder")))
      .toBe("What needs doing?");
    await page.keyboard.press("Escape");
    await page.keyboard.press("g");
    await page.keyboard.press("u");
    await expect.poll(() => page.url()).toMatch(/\/tasks\/upcoming$/);
    await t.settled();
    await page.keyboard.press("Escape");
    await page.keyboard.press("g");
    await page.keyboard.press("i");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/tasks");
    await context.close();
  });
});
