import { todayIn } from "@todo/contract";
import { describe, expect, inject, it } from "vitest";
import { newVisitor, sharedBrowser, watchConsole } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();

/** A calendar day `days` from today in the browser's zone (the tests run the browser in UTC). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Task = { id: string; title: string; list_id: string | null; due_date: string | null; labels: string[] };

describe("organising views", () => {
  it("sidebar views are URLs with counts", async () => {
    const user = await createUser("views");
    const api = await apiAs(user);
    const home = await api.post<{ id: string }>("/lists", { name: "Home" });
    await api.post("/lists", { name: "Work" });
    await api.createTasks([
      { title: "Inbox thing" },
      { title: "Water plants", list_id: home.id, due_date: day(0), labels: ["errands"] },
      { title: "Ship report", due_date: day(1), priority: 1 },
    ]);
    const { context, page } = await newVisitor(browser(), { user });
    const problems = watchConsole(page);
    const t = taskPage(page);

    await t.open();
    expect(await t.titles()).toEqual(["Ship report", "Inbox thing"]);
    expect(await t.nav("Inbox").getAttribute("aria-current")).toBe("page");
    expect(await t.nav("Home").textContent()).toContain("1");
    expect(await t.nav("errands").textContent()).toContain("1");

    await t.nav("Home").click();
    await expect.poll(() => page.url()).toContain(`/tasks/list/${home.id}`);
    await t.settled();
    await expect.poll(() => t.titles()).toEqual(["Water plants"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Home");
    await t.add("Buy soil");
    await expect.poll(() => t.nav("Home").textContent()).toContain("2");
    const all = await api.get<Task[]>("/tasks");
    expect(all.find((x) => x.title === "Buy soil")?.list_id).toBe(home.id);

    await t.nav("Today").click();
    await expect.poll(() => page.url()).toMatch(/\/tasks\/today$/);
    await expect.poll(() => t.titles()).toEqual(["Water plants"]);
    await t.add("Call the bank");
    expect((await api.get<Task[]>("/tasks")).find((x) => x.title === "Call the bank")?.due_date).toBe(day(0));

    await t.nav("Upcoming").click();
    await expect.poll(() => t.titles()).toEqual(["Ship report"]);

    await t.nav("errands").click();
    await expect.poll(() => page.url()).toContain("/tasks/label/errands");
    await expect.poll(() => t.titles()).toEqual(["Water plants"]);
    await t.add("Pick up parcel");
    expect((await api.get<Task[]>("/tasks")).find((x) => x.title === "Pick up parcel")?.labels).toEqual(["errands"]);

    // Every view is an address: a reload lands on the same one.
    await page.reload();
    await t.settled();
    expect(await t.titles()).toEqual(["Pick up parcel", "Water plants"]);
    expect(problems.problems).toEqual([]);
    await context.close();
  });

  it("rows show due, priority, list and labels", async () => {
    const user = await createUser("rows");
    const api = await apiAs(user);
    const work = await api.post<{ id: string }>("/lists", { name: "Work" });
    await api.createTasks([
      { title: "Late one", due_date: day(-2) },
      {
        title: "مرحبا بالعالم",
        list_id: work.id,
        due_date: day(1),
        due_time: "17:30",
        priority: 1,
        labels: ["deep", "q4"],
      },
    ]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open("/tasks?sort=due");
    const late = t.row("Late one").locator(".meta-due");
    expect(await late.getAttribute("class")).toContain("is-overdue");
    expect(await late.textContent()).toContain("(overdue)");
    await t.open("/tasks/upcoming");
    const rtl = t.row("مرحبا بالعالم");
    expect(await rtl.locator(".task-title").getAttribute("dir")).toBe("auto");
    expect(await rtl.locator(".meta-due").textContent()).toBe("Tomorrow 17:30");
    expect(await rtl.locator(".meta-priority").textContent()).toContain("P1");
    expect(await rtl.locator(".meta-list").textContent()).toContain("Work");
    expect(await rtl.locator(".meta-label").allTextContents()).toEqual(["@deep", "@q4"]);

    // Label views for names that need encoding in a path.
    await api.createTasks([
      { title: "Accented", labels: ["café"] },
      { title: "Percent", labels: ["100%"] },
    ]);
    await t.open(`/tasks/label/${encodeURIComponent("café")}`);
    expect(await t.titles()).toEqual(["Accented"]);
    await t.open(`/tasks/label/${encodeURIComponent("100%")}`);
    expect(await t.titles()).toEqual(["Percent"]);
    await context.close();
  });

  it("counts today in the account's time zone, not the browser's", async () => {
    const user = await createUser("zone");
    // 26 hours apart: the two zones are never on the same calendar day.
    const account = "Pacific/Kiritimati";
    const { context, page } = await newVisitor(browser(), { user, timeZone: "Etc/GMT+12" });
    const saved = await page.request.post("/api/auth/update-user", {
      data: { timeZone: account },
      headers: { origin: inject("webUrl") },
    });
    expect(saved.status()).toBe(200);
    const today = todayIn(account);
    await (await apiAs(user)).createTasks([{ title: "Due in Kiribati today", due_date: today }]);
    const t = taskPage(page);
    await t.open("/tasks/today");
    expect(await t.titles()).toEqual(["Due in Kiribati today"]);
    expect(await t.row("Due in Kiribati today").locator(".meta-due").textContent()).toBe("Today");
    await t.add("Added in this view"); // no date word: the view gives the date
    const added = (await (await apiAs(user)).get<Task[]>("/tasks")).find((x) => x.title === "Added in this view");
    expect(added?.due_date).toBe(today);
    await context.close();
  });

  it("creates, renames and deletes a list", async () => {
    const user = await createUser("lists");
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await t.add("Stays with me");
    await page.getByRole("button", { name: "New list" }).click();
    await page.getByLabel("List name").fill("Garden");
    await page.getByLabel("List name").press("Enter");
    await expect.poll(() => page.url()).toMatch(/\/tasks\/list\/[0-9a-f-]{36}$/);
    await t.settled();
    await t.add("Mow the lawn");
    await page.getByRole("button", { name: "Rename list" }).click();
    await page.getByLabel("List name").fill("Backyard");
    await page.getByLabel("List name").press("Enter");
    await expect.poll(() => t.nav("Backyard").count()).toBe(1);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Backyard");

    // A clash is refused with the server's words, and nothing changes.
    await page.getByRole("button", { name: "New list" }).click();
    await page.getByLabel("List name").fill("backyard");
    await page.getByLabel("List name").press("Enter");
    await expect.poll(() => page.locator(".nav-form .field-error").textContent()).toMatch(/already|exists/i);
    await page.getByLabel("List name").press("Escape");

    await page.getByRole("button", { name: "Delete list" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/tasks");
    await t.settled();
    await expect.poll(() => t.titles()).toEqual(["Mow the lawn", "Stays with me"]);
    expect(await t.nav("Backyard").count()).toBe(0);
    await context.close();
  });

  it("renames and deletes a label", async () => {
    const user = await createUser("labels");
    const api = await apiAs(user);
    const [task] = await api.createTasks([{ title: "Post the parcel", labels: ["errand"] }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open("/tasks/label/errand");
    await page.getByRole("button", { name: "Rename label" }).click();
    await page.getByLabel("Label name").fill("errands");
    await page.getByLabel("Label name").press("Enter");
    await expect.poll(() => page.url()).toMatch(/\/tasks\/label\/errands$/);
    await t.settled();
    await expect.poll(() => t.row("Post the parcel").locator(".meta-label").textContent()).toBe("@errands");
    expect(await t.nav("errands").count()).toBe(1);

    await page.getByRole("button", { name: "Delete label" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/tasks");
    await t.settled();
    // The task stays; only the label comes off it.
    await expect.poll(() => t.titles()).toEqual(["Post the parcel"]);
    expect((await api.get<Task>(`/tasks/${task?.id}`)).labels).toEqual([]);
    expect(await t.nav("errands").count()).toBe(0);
    await context.close();
  });

  it("the sidebar folds into a menu on a phone", async () => {
    const user = await createUser("phone");
    const { context, page } = await newVisitor(browser(), { user, width: 375, height: 740 });
    const t = taskPage(page);
    await t.open();
    expect(await t.sidebar.isVisible()).toBe(false);
    const menu = page.getByRole("button", { name: "Menu" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await menu.click();
    await expect.poll(() => t.sidebar.isVisible()).toBe(true);
    await t.nav("Today").click();
    await expect.poll(() => page.url()).toMatch(/\/tasks\/today$/);
    await expect.poll(() => t.sidebar.isVisible()).toBe(false);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it("search as you type and sort", async () => {
    const user = await createUser("search");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Résumé draft" }, { title: "buy milk" }, { title: "Call mum", priority: 2 }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await page.locator("body").click();
    await page.keyboard.press("/");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("task-search");
    await page.keyboard.type("resu");
    await expect.poll(() => t.titles()).toEqual(["Résumé draft"]);
    await expect.poll(() => page.url()).toContain("q=resu");
    await t.search().fill("zzz");
    await expect.poll(() => page.locator(".empty-title").textContent()).toBe("No matches");
    await t.search().fill("");
    await expect.poll(() => t.titles()).toHaveLength(3);

    await t.sort().selectOption("title");
    await expect.poll(() => page.url()).toContain("sort=title");
    await expect.poll(() => t.titles()).toEqual(["buy milk", "Call mum", "Résumé draft"]);
    await t.sort().selectOption("priority");
    await expect.poll(() => t.titles().then((x) => x[0])).toBe("Call mum");
    await page.reload();
    await t.settled();
    expect(await t.sort().inputValue()).toBe("priority");
    await context.close();
  });

  it("loads further pages on scroll", async () => {
    const user = await createUser("pages");
    const api = await apiAs(user);
    await api.createTasks(
      Array.from({ length: 230 }, (_, i) => ({ title: `Task ${String(i).padStart(3, "0")}` })),
      8,
    );
    const { context, page } = await newVisitor(browser(), { user });
    // The pages the browser asks for (an account without a zone gets no rows in the HTML, ADR 0137).
    const asked: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (/\/api\/[^/]+\/tasks$/.test(url.pathname)) asked.push(url.searchParams.get("limit") ?? "");
    });
    const t = taskPage(page);
    await t.open("?sort=title");
    // A first page of 20, then pages of 100 (ADR 0152): 20, 120, 220, then the last 10. The next
    // page may already come by itself while the end of the list is within a screen.
    expect([20, 120]).toContain(await t.rows.count());
    expect(await t.left()).toMatch(/^(20|120)\+ tasks left$/);
    while ((await t.rows.count()) < 230) {
      const before = await t.rows.count();
      await page
        .locator(".load-more")
        .scrollIntoViewIfNeeded({ timeout: 2_000 })
        .catch(() => {}); // replaced while a page arrives: the count below says whether it came
      await expect.poll(() => t.rows.count()).toBeGreaterThan(before);
    }
    expect(asked).toEqual(["20", "100", "100", "100"]);
    expect(await page.locator(".load-more").count()).toBe(0);
    const titles = await t.titles();
    expect(new Set(titles).size).toBe(230);
    expect(titles.at(-1)).toBe("Task 229");
    expect(await t.left()).toBe("230 tasks left");
    await context.close();
  });
});
