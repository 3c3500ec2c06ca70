import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { seriousViolations } from "./support/axe.ts";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { apiAs, authPost, cookieHeader, createUser, sessionCookie, type TestUser } from "./support/users.ts";

const browser = sharedBrowser();
const TODOIST = new URL("../fixtures/todoist-sample.csv", import.meta.url);
const db = sharedDatabase();

const webUrl = () => inject("webUrl");
const hasSession = async (cookie: string) =>
  (await (await fetch(`${webUrl()}/api/auth/get-session`, { headers: { cookie } })).json()) !== null;

/** Another device: a second sign-in with its own user agent. */
async function otherDevice(user: TestUser, password = user.password) {
  const res = await authPost(
    "/sign-in/email",
    { email: user.email, password },
    {
      "user-agent":
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
    },
  );
  expect(res.status).toBe(200);
  const c = sessionCookie(res);
  return `${c.name}=${c.value}`;
}

describe("/settings (contract 10)", () => {
  it("needs a session: a visitor goes to sign-in and comes back", async () => {
    const { context, page } = await newVisitor(browser());
    await page.goto("/settings");
    await page.waitForURL("**/sign-in?next=%2Fsettings");
    await context.close();
  });

  it("saves the name and a time zone picked from the searchable list; offers the detected zone", async () => {
    const user = await createUser("settings-profile", "Old Name");
    const { context, page } = await newVisitor(browser(), { user, timeZone: "Asia/Tokyo" });
    await page.goto("/tasks");
    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL("**/settings");
    await page.getByLabel("Name").fill("New Name");
    const zone = page.getByLabel("Time zone");
    // Nothing stored yet: the device's zone is offered as the value, and again after typing another.
    expect(await zone.inputValue()).toBe("Asia/Tokyo");
    await zone.fill("America/New_York");
    await page.getByRole("button", { name: /Use this device’s zone: Asia\/Tokyo/ }).click();
    expect(await zone.inputValue()).toBe("Asia/Tokyo");
    const options = await page.locator(`datalist#${await zone.getAttribute("list")} option`).count();
    expect(options).toBeGreaterThan(300);
    await zone.fill("Europe/Paris");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    const session = await (await page.request.get("/api/auth/get-session")).json();
    expect(session.user).toMatchObject({ name: "New Name", timeZone: "Europe/Paris" });
    await zone.fill("Mars/Olympus");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByRole("alert").filter({ hasText: "not a time zone" }).waitFor();
    await context.close();
  });

  it("lists sessions with device and last seen; signs out one, then all others", async () => {
    const user = await createUser("settings-sessions");
    const phone = await otherDevice(user);
    const tablet = await otherDevice(user);
    const { context, page } = await newVisitor(browser(), { user });
    await page.goto("/settings");
    const rows = page.locator(".session-row");
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.locator(".session-current").count()).toBe(1);
    expect(await rows.filter({ hasText: "Safari on iOS" }).count()).toBe(2);
    expect(await rows.first().textContent()).toMatch(/Last active .* · signed in /);
    await rows
      .filter({ hasText: "Safari on iOS" })
      .first()
      .getByRole("button", { name: /^Sign out Safari on iOS/ })
      .click();
    await expect.poll(() => rows.count()).toBe(2);
    expect([await hasSession(phone), await hasSession(tablet)].filter(Boolean)).toHaveLength(1);
    await page.getByRole("button", { name: "Sign out all other devices" }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await hasSession(phone)).toBe(false);
    expect(await hasSession(tablet)).toBe(false);
    expect(await hasSession(cookieHeader(user))).toBe(true);
    await context.close();
  });

  it("changes the password only with the current one, and signs out every other session", async () => {
    const user = await createUser("settings-password");
    const phone = await otherDevice(user);
    const { context, page } = await newVisitor(browser(), { user });
    await page.goto("/settings");
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill("a much better password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("alert").filter({ hasText: "current password is not right" }).waitFor();
    expect(await hasSession(phone)).toBe(true);
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password").fill("a much better password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    expect(await hasSession(phone)).toBe(false);
    expect((await authPost("/sign-in/email", { email: user.email, password: "a much better password" })).status).toBe(
      200,
    );
    expect((await authPost("/sign-in/email", { email: user.email, password: user.password })).status).toBe(401);
    await context.close();
  });

  it("exports a download, previews an import (dry run, nothing written), then imports", async () => {
    const user = await createUser("settings-data");
    const api = await apiAs(user);
    await api.post("/tasks", { title: "Already here" });
    const { context, page } = await newVisitor(browser(), { user });
    await page.goto("/settings");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^todo-export-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(readFileSync((await download.path()) as string, "utf8"));
    expect(doc).toMatchObject({ format: "todo-export", version: 1 });
    expect(doc.tasks.map((t: { title: string }) => t.title)).toEqual(["Already here"]);

    await page.getByLabel("File (up to 5 MiB)").setInputFiles({
      name: "Errands.csv",
      mimeType: "text/csv",
      buffer: readFileSync(TODOIST),
    });
    await page.getByLabel("Format").selectOption("todoist");
    await page.getByRole("button", { name: "Preview import" }).click();
    const preview = page.getByText(/will be added/);
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(
      /^1 list and 6 tasks will be added; 4 lines skipped: line 2 \(section "Groceries".*\), line 4 \(note/,
    );
    expect(await api.get<unknown[]>("/tasks")).toHaveLength(1);
    await page.getByRole("button", { name: "Import now" }).click();
    await page.getByText(/1 list and 6 tasks were added/).waitFor();
    expect(await api.get<unknown[]>("/tasks")).toHaveLength(7);
    await context.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no serious or critical axe violations (${colorScheme})`, async () => {
      const user = await createUser(`settings-a11y-${colorScheme}`);
      await otherDevice(user);
      const { context, page } = await newVisitor(browser(), { user, colorScheme });
      await page.goto("/settings");
      await page.locator(".session-row").nth(1).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // With error messages showing.
      await page.getByRole("button", { name: "Change password" }).click();
      await page.locator(".form-error[role=alert]").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      for (const url of ["/forgot-password", "/reset-password?token=x", "/reset-password"]) {
        await page.goto(url);
        expect(await seriousViolations(page), url).toEqual([]);
      }
      await context.close();
    });
  }

  it("deletes the account with the password: afterwards no table holds a row of that user", async () => {
    const user = await createUser("settings-delete");
    const api = await apiAs(user);
    const list = await api.post<{ id: string }>("/lists", { name: "Doomed" });
    await api.post("/tasks", { title: "Doomed task", list_id: list.id, labels: ["gone"] });
    const { context, page } = await newVisitor(browser(), { user });
    await page.goto("/settings");
    await page.getByLabel("Your password").fill("wrong password");
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await page.getByRole("alert").filter({ hasText: "password is not right" }).waitFor();
    await page.getByLabel("Your password").fill(user.password);
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await context.close();

    // Every text-like column of every table, searched for the id and the address.
    const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'public' and data_type in ('text', 'character varying', 'uuid')`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const { rows } = await db.query(
        `select 1 from "${table_name}" where "${column_name}"::text in ($1, $2) or "${column_name}"::text like $3 limit 1`,
        [user.id, user.email, `%:${user.id}`],
      );
      if (rows.length) found.push(`${table_name}.${column_name}`);
    }
    expect(found).toEqual([]);
    expect((await authPost("/sign-in/email", { email: user.email, password: user.password })).status).toBe(401);
  });
});
