import { todayIn } from "@todo/contract/rules";
import { describe, expect, inject, it } from "vitest";
import { newVisitor, sharedBrowser, watchConsole } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, authPost, cookieHeader, createUser, type TestUser } from "./support/users.ts";

const browser = sharedBrowser();
const webUrl = () => process.env.E2E_WEB_URL ?? inject("webUrl");

/** Accounts made in the browser carry its zone (contract 10); the server renders rows only then. */
async function userInZone(label: string, timeZone = "Europe/Paris"): Promise<TestUser> {
  const user = await createUser(label);
  const response = await authPost("/update-user", { timeZone }, { cookie: cookieHeader(user) });
  if (!response.ok) throw new Error(`setting the zone failed: ${response.status} ${await response.text()}`);
  return user;
}

describe("the first page of tasks is rendered by the server (ADR 0137)", () => {
  it("the HTML of /tasks already holds the rows and the sidebar's lists", async () => {
    const user = await userInZone("ssr-html");
    const api = await apiAs(user);
    await api.createTasks([{ title: "Rendered on the server" }, { title: "Second server row" }]);
    const response = await fetch(`${webUrl()}/tasks`, { headers: { cookie: cookieHeader(user) } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Rendered on the server");
    expect(html).toContain("Second server row");
    expect(html).toContain('aria-busy="false"');
  });

  it("another person's cookie renders only their own tasks", async () => {
    const owner = await userInZone("ssr-owner");
    await (await apiAs(owner)).createTasks([{ title: "Only the owner's" }]);
    const other = await userInZone("ssr-other");
    const html = await (await fetch(`${webUrl()}/tasks`, { headers: { cookie: cookieHeader(other) } })).text();
    expect(html).not.toContain("Only the owner's");
  });

  it("the browser does not fetch that page again, and the page works at once", async () => {
    const user = await userInZone("ssr-browser");
    await (await apiAs(user)).createTasks([{ title: "Tick me" }, { title: "Leave me" }]);
    const { context, page } = await newVisitor(browser(), { user, timeZone: "Europe/Paris" });
    const { problems } = watchConsole(page);
    // A hydration mismatch (server and browser rendering differently) is reported as an error.
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const asked: string[] = [];
    // Prefetching the sidebar's views made the web render each of them on every load (ADR 0146).
    const prefetched: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (/\/api\/[^/]+\/(tasks|lists|labels)$/.test(url.pathname) && request.method() === "GET")
        asked.push(url.pathname);
      if (url.searchParams.has("_rsc")) prefetched.push(url.pathname);
    });
    const tasks = taskPage(page);
    await tasks.open();
    await page.waitForLoadState("load");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await tasks.titles()).toEqual(["Leave me", "Tick me"]);
    expect(asked).toEqual([]);
    expect(prefetched).toEqual([]);
    await tasks.checkbox("Tick me").check();
    const api = await apiAs(user);
    const completed = async () =>
      (await api.get<{ title: string; completed: boolean }[]>("/tasks?status=all")).find((t) => t.title === "Tick me")
        ?.completed;
    await expect.poll(completed).toBe(true);
    await tasks.add("Added after a server render");
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("after one visit, the server-rendered page still opens offline with its rows", async () => {
    const user = await userInZone("ssr-offline");
    await (await apiAs(user)).createTasks([{ title: "Seen online" }]);
    const { context, page } = await newVisitor(browser(), { user, timeZone: "Europe/Paris" });
    const tasks = taskPage(page);
    await tasks.open();
    await expect
      .poll(() => page.evaluate(async () => Boolean(await caches.match(location.href))), { timeout: 30_000 })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    await tasks.settled();
    expect(await tasks.titles()).toEqual(["Seen online"]);
    await tasks.checkbox("Seen online").check();
    await expect.poll(() => page.locator(".banner").textContent()).toContain("1 change not saved yet");
    await context.close();
  });

  it("loads, shows due dates in the person's zone and settles without building an Intl date format (ADR 0149)", async () => {
    // Kathmandu is 5:45 ahead of UTC and the browser is in New York: the day must be the person's.
    const zone = "Asia/Kathmandu";
    const user = await userInZone("ssr-no-intl", zone);
    const today = todayIn(zone);
    const inDays = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await (await apiAs(user)).createTasks([
      { title: "Due today", due_date: today },
      { title: "Due tomorrow", due_date: inDays(1) },
      { title: "Due yesterday", due_date: inDays(-1) },
    ]);
    const { context, page } = await newVisitor(browser(), { user, timeZone: "America/New_York" });
    // The first date format of a page loads the browser's ICU data: a long task on a phone.
    await page.addInitScript(() => {
      const counted = window as unknown as { dateFormats: number };
      counted.dateFormats = 0;
      Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
        construct(target, args) {
          counted.dateFormats++;
          return Reflect.construct(target, args);
        },
        apply(target, self, args) {
          counted.dateFormats++;
          return Reflect.apply(target, self, args);
        },
      });
      for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"] as const) {
        const original = Date.prototype[name];
        Date.prototype[name] = function (this: Date, ...args: Parameters<typeof original>) {
          counted.dateFormats++;
          return original.apply(this, args);
        };
      }
    });
    const tasks = taskPage(page);
    await tasks.open("?sort=due");
    await page.waitForLoadState("load");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const due = (title: string) => tasks.row(title).locator(".meta-due").textContent();
    expect(await due("Due today")).toBe("Today");
    expect(await due("Due tomorrow")).toBe("Tomorrow");
    expect(await due("Due yesterday")).toContain("Yesterday");
    expect(await page.evaluate(() => (window as unknown as { dateFormats: number }).dateFormats)).toBe(0);
    await context.close();
  });
});
