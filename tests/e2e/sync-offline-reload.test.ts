import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { buildFilesMissing, pending, waitingBanner } from "./support/offline.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, authPost, cookieHeader, createUser, type TestUser } from "./support/users.ts";

const browser = sharedBrowser();
const db = sharedDatabase();

/** What PostgreSQL holds for the user, by title. */
async function rows(userId: string) {
  const result = await db.query<{ title: string; completed: boolean; priority: number; dated: boolean }>(
    `select title, completed, priority, due_date is not null as dated from task
     where user_id = $1 and deleted_at is null order by title`,
    [userId],
  );
  return result.rows;
}

/**
 * What went wrong in the page, for the failure message: errors it logged or threw and requests
 * that failed (offline, every request the service worker does not answer fails; that is expected
 * for the API, not for the app's own files).
 */
function watch(page: Page) {
  const seen: string[] = [];
  page.on("console", (m) => m.type() === "error" && seen.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => seen.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  return seen;
}

/**
 * The files fetched after the page has loaded (the quick-add reader, the edit panel, the bulk bar)
 * arrive slowly, as on a phone's connection: they finish after the service worker has started but
 * were asked for before it took charge of the page. Returns the switch back to full speed.
 */
async function slowLateFiles(context: BrowserContext, page: Page) {
  let loaded = false;
  page.on("load", () => {
    loaded = true;
  });
  const pattern = "**/_next/static/chunks/**";
  await context.route(pattern, async (route) => {
    if (loaded) await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  return () => context.unroute(pattern);
}

/** One visit online, fully loaded: the worker keeps the page and every file it used. */
async function visitOnce(page: Page, open = true) {
  const t = taskPage(page);
  if (open) await t.open();
  await page.waitForLoadState("load");
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href.split("?")[0] ?? ""))), {
      timeout: 30_000,
    })
    .toBe(true);
  // The panels loaded after the page (edit, bulk bar) are fetched and kept by then too.
  await new Promise((r) => setTimeout(r, 3_000));
  const missing = () =>
    page.evaluate(async () => {
      const kept = await caches.open("todo-static-v1");
      const files = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((name) => new URL(name).pathname.startsWith("/_next/static/"));
      return (await Promise.all(files.map(async (f) => ((await kept.match(f)) ? null : f)))).filter(Boolean);
    });
  await expect.poll(missing, { timeout: 20_000 }).toEqual([]);
  // And every other file of the build (the quick-add reader, loaded only when typed in; ADR 0147).
  await expect.poll(() => buildFilesMissing(page), { timeout: 30_000 }).toEqual([]);
}

/** Signing in as a person does: the form, then the app's own move to the tasks. */
async function signIn(page: Page, user: TestUser) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/tasks");
  await taskPage(page).settled();
}

async function userInZone(label: string): Promise<TestUser> {
  const user = await createUser(label);
  const response = await authPost("/update-user", { timeZone: "Europe/Paris" }, { cookie: cookieHeader(user) });
  if (!response.ok) throw new Error(`setting the zone failed: ${response.status}`);
  return user;
}

describe("offline, after a reload made offline (contract 9)", () => {
  // Without a zone the browser renders the list; with one the server renders the first page (ADR 0137).
  it.each([
    { label: "signed in through the form, no zone", zone: false, form: true },
    { label: "no zone (rendered in the browser)", zone: false, form: false },
    { label: "a zone (rendered by the server)", zone: true, form: false },
  ])(
    "$label: adding, quick add, ticking and editing all work and reach the database once each",
    async ({ zone, form }) => {
      const user = zone ? await userInZone("offline-reload-ssr") : await createUser("offline-reload");
      await (await apiAs(user)).createTasks([{ title: "Tick me" }, { title: "Rename me" }]);
      const { context, page } = await newVisitor(browser(), {
        ...(form ? {} : { user }),
        ...(zone ? { timeZone: "Europe/Paris" } : {}),
      });
      const seen = watch(page);
      const t = taskPage(page);
      const fast = await slowLateFiles(context, page);
      if (form) await signIn(page, user);
      await visitOnce(page, !form);
      await expect.poll(() => t.titles()).toEqual(["Rename me", "Tick me"]);

      await fast();
      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => t.titles(), { timeout: 30_000 }).toEqual(["Rename me", "Tick me"]);

      const waiting = page.locator("li.task-row.is-unsaved");
      const banner = page.getByRole("status").filter({ hasText: "not saved yet" });
      await t.input.fill("Call the plumber");
      await t.input.press("Enter");
      await expect
        .poll(() => t.titles(), { timeout: 10_000, message: `after Enter offline; the page saw:\n${seen.join("\n")}` })
        .toContain("Call the plumber");
      await expect.poll(() => t.input.inputValue()).toBe("");
      await t.input.fill("Buy milk tomorrow p1");
      await t.input.press("Enter");
      await expect.poll(() => t.titles(), { timeout: 10_000 }).toContain("Buy milk");
      await expect.poll(() => waiting.count()).toBe(2);

      await t.checkbox("Tick me").check();
      await t.editButton("Rename me").click();
      await page.getByLabel("Task title").fill("Renamed offline");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => t.titles()).toContain("Renamed offline");
      await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toContain(pending(4));

      // Reloaded offline once more: the queue and what it shows are still there.
      await page.reload();
      await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain(pending(4));
      await expect
        .poll(async () => (await t.titles()).sort(), { timeout: 30_000 })
        .toEqual(["Buy milk", "Call the plumber", "Renamed offline", "Tick me"]);
      await expect.poll(() => t.checkbox("Tick me").isChecked()).toBe(true);
      expect(await waiting.count()).toBeGreaterThanOrEqual(2);

      await context.setOffline(false);
      await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
      const expected = [
        { title: "Buy milk", completed: false, priority: 1, dated: true },
        { title: "Call the plumber", completed: false, priority: 4, dated: false },
        { title: "Renamed offline", completed: false, priority: 4, dated: false },
        { title: "Tick me", completed: true, priority: 4, dated: false },
      ];
      await expect.poll(() => rows(user.id), { timeout: 30_000 }).toEqual(expected);
      // Once more after a while: nothing was sent twice.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await rows(user.id)).toEqual(expected);
      await context.close();
    },
  );

  it("a task added offline, then reloaded, stays on screen when it is saved, before the list is asked again", async () => {
    const user = await createUser("offline-reload-stays");
    await (await apiAs(user)).createTasks([{ title: "Already there" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await visitOnce(page);
    await context.setOffline(true);
    await t.input.fill("Call the plumber");
    await t.input.press("Enter");
    await expect.poll(() => t.titles(), { timeout: 10_000 }).toContain("Call the plumber");
    // After this reload the new task lives only in the write queue, not in any cached page.
    await page.reload();
    await expect.poll(() => t.titles(), { timeout: 30_000 }).toEqual(["Call the plumber", "Already there"]);

    // Every read of the task list is held, so the only copy of the saved task the page can show
    // is the one the create's own answer gave it.
    let releaseReads: () => void = () => {};
    const readsHeld = new Promise<void>((r) => {
      releaseReads = r;
    });
    const isTaskRead = (url: URL) => /\/api\/[^/]+\/tasks$/.test(url.pathname);
    await context.route(isTaskRead, async (route) => {
      if (route.request().method() === "GET") await readsHeld;
      await route.continue().catch(() => {}); // the page may have given up on it meanwhile
    });
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && isTaskRead(new URL(r.url())));
    await context.setOffline(false);
    expect((await saved).status()).toBe(201);
    await expect.poll(() => waitingBanner(page).count(), { timeout: 10_000 }).toBe(0);
    // For a second and a half after the save: the row never went away, and shows as saved.
    const seen: string[][] = [];
    for (let i = 0; i < 10; i++) {
      seen.push(await t.titles());
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(seen.filter((titles) => !titles.includes("Call the plumber"))).toEqual([]);
    expect(await page.locator("li.task-row.is-unsaved").count()).toBe(0);
    releaseReads();
    await expect.poll(() => t.titles(), { timeout: 10_000 }).toEqual(["Call the plumber", "Already there"]);
    expect((await rows(user.id)).map((r) => r.title)).toEqual(["Already there", "Call the plumber"]);
    await context.close();
  });

  it("when the quick-add reader cannot be fetched, Enter still adds the line as typed", async () => {
    const user = await createUser("offline-no-reader");
    const { context, page } = await newVisitor(browser(), { user });
    let loaded = false;
    page.on("load", () => {
      loaded = true;
    });
    // The files asked for after the load event (the reader among them) never arrive.
    await context.route("**/_next/static/chunks/**", (route) => (loaded ? route.abort() : route.continue()));
    const t = taskPage(page);
    await t.open();
    await page.waitForLoadState("load");
    await t.input.fill("Buy milk tomorrow p1");
    await t.input.press("Enter");
    // Nothing was highlighted, so nothing is read: the whole line is the title.
    await expect.poll(() => t.titles(), { timeout: 10_000 }).toEqual(["Buy milk tomorrow p1"]);
    await expect.poll(() => t.input.inputValue()).toBe("");
    await expect
      .poll(() => rows(user.id), { timeout: 20_000 })
      .toEqual([{ title: "Buy milk tomorrow p1", completed: false, priority: 4, dated: false }]);
    await context.close();
  });
});
