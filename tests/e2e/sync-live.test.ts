import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, authPost, cookieHeader, createUser } from "./support/users.ts";

const browser = sharedBrowser();
/** Contract 9: a change shows everywhere within 2 s of its commit (measured from before the request). */
const LIVE_MS = 2_000;

/** Counts the `/events` streams a browser profile opens. */
function countStreams(context: BrowserContext): () => number {
  let opened = 0;
  context.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith("/events")) opened++;
  });
  return () => opened;
}

async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

describe("live updates between devices and tabs", () => {
  it("a change made elsewhere shows in two devices of one person within 2 s, a delete removes the row", async () => {
    const user = await createUser("live");
    const api = await apiAs(user);
    const a = await newVisitor(browser(), { user });
    const b = await newVisitor(browser(), { user });
    const streamsA = countStreams(a.context);
    const streamsB = countStreams(b.context);
    const ta = taskPage(a.page);
    const tb = taskPage(b.page);
    await ta.open();
    await tb.open();
    // Both have their stream before the change is made (the first poke arrives on connect).
    await within(30_000, async () => streamsA() === 1 && streamsB() === 1);
    await new Promise((r) => setTimeout(r, 1_000));

    // Made through the API: the clock starts before the request, so the bound is from before the commit.
    let start = Date.now();
    const made = await api.post<{ id: string }>("/tasks", { title: "Call the plumber" });
    await within(LIVE_MS - (Date.now() - start), async () => (await ta.titles()).includes("Call the plumber"));
    expect(Date.now() - start).toBeLessThanOrEqual(LIVE_MS);
    await within(LIVE_MS - (Date.now() - start), async () => (await tb.titles()).includes("Call the plumber"));
    expect(Date.now() - start).toBeLessThanOrEqual(LIVE_MS);

    // Made in device A's UI: device B shows the new title without a reload.
    await ta.editButton("Call the plumber").click();
    await a.page.getByLabel("Task title").fill("Call the plumber today");
    start = Date.now();
    await a.page.getByRole("button", { name: "Save" }).click();
    await within(LIVE_MS, async () => (await tb.titles()).includes("Call the plumber today"));
    expect(Date.now() - start).toBeLessThanOrEqual(LIVE_MS);

    // Deleted in B: A's row disappears, no ghost row and no error.
    start = Date.now();
    await tb.deleteButton("Call the plumber today").click();
    await within(LIVE_MS, async () => (await ta.titles()).length === 0);
    expect(Date.now() - start).toBeLessThanOrEqual(LIVE_MS);
    expect(await ta.banner().count()).toBe(0);
    await expect.poll(async () => (await api.get<{ id: string }[]>("/tasks")).map((t) => t.id)).not.toContain(made.id);
    await a.context.close();
    await b.context.close();
  });

  it("tabs of one browser share one event stream, and every tab updates", async () => {
    const user = await createUser("tabs");
    const api = await apiAs(user);
    const { context, page } = await newVisitor(browser(), { user });
    const streams = countStreams(context);
    const first = taskPage(page);
    await first.open();
    const second = taskPage(await context.newPage());
    await second.open();
    const third = taskPage(await context.newPage());
    await third.open();
    await within(30_000, async () => streams() >= 1);
    await new Promise((r) => setTimeout(r, 1_500));

    const start = Date.now();
    await api.post("/tasks", { title: "Water the plants" });
    for (const tab of [first, second, third]) {
      await within(LIVE_MS, async () => (await tab.titles()).includes("Water the plants"));
    }
    expect(Date.now() - start).toBeLessThanOrEqual(LIVE_MS);
    expect(streams()).toBe(1);

    // The tab holding the stream closes: another takes over and updates keep coming.
    await page.close();
    await within(30_000, async () => streams() === 2);
    await new Promise((r) => setTimeout(r, 1_000));
    const again = Date.now();
    await api.post("/tasks", { title: "Feed the cat" });
    for (const tab of [second, third]) {
      await within(LIVE_MS, async () => (await tab.titles()).includes("Feed the cat"));
    }
    expect(Date.now() - again).toBeLessThanOrEqual(LIVE_MS);
    await context.close();
  });

  it("a change made between the server's render and the live sync's start still shows (ADR 0153)", async () => {
    const user = await createUser("render-gap");
    // With a zone the server renders the rows; the browser does not fetch them again.
    const zone = await authPost("/update-user", { timeZone: "Europe/Paris" }, { cookie: cookieHeader(user) });
    expect(zone.ok).toBe(true);
    const api = await apiAs(user);
    const [task] = await api.createTasks([{ title: "Before the render" }]);
    const { context, page } = await newVisitor(browser(), { user, timeZone: "Europe/Paris" });
    // Hold the page's change-feed requests and its stream, as a slow phone would start them late.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/api\/[^/]+\/(changes|events)(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    const t = taskPage(page);
    await t.open();
    expect(await t.titles()).toEqual(["Before the render"]);
    await api.put(`/tasks/${task?.id}`, { title: "Renamed meanwhile" });
    release();
    await within(5_000, async () => (await t.titles()).includes("Renamed meanwhile"));
    await context.close();
  });
});
