import { afterEach, describe, expect, inject, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { taskPage } from "./support/task-page.ts";
import { createUser } from "./support/users.ts";

const browser = sharedBrowser();

async function api(action: "stop" | "start"): Promise<void> {
  const response = await fetch(`${inject("controlUrl")}/api/${action}`, { method: "POST" });
  if (response.status !== 204) throw new Error(`could not ${action} the API: ${await response.text()}`);
}

async function apiIsUp(): Promise<boolean> {
  try {
    return (await fetch(`${inject("apiUrl")}/health`)).ok;
  } catch {
    return false;
  }
}

// Whatever happens in the test, the next file needs a running API.
afterEach(async () => {
  if (!(await apiIsUp())) await api("start");
});

describe("when the API goes away", () => {
  it("says so plainly, keeps what was typed, and recovers on Retry", async () => {
    const user = await createUser("outage");
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await t.add("Saved before the outage");

    await api("stop");
    await t.input.fill("Typed during the outage");
    await t.input.press("Enter");
    const banner = t.banner();
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/can't reach the task server/i);
    // The typed text is given back, and the optimistic row is gone again.
    await expect.poll(() => t.input.inputValue()).toBe("Typed during the outage");
    expect(await t.titles()).toEqual(["Saved before the outage"]);

    // Retry while still down: the banner stays.
    await page.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Retry" }).isEnabled()).toBe(true);
    expect(await banner.isVisible()).toBe(true);

    await api("start");
    await page.getByRole("button", { name: "Retry" }).click();
    await banner.waitFor({ state: "detached" });
    expect(await t.input.inputValue()).toBe("Typed during the outage");
    await t.input.press("Enter");
    await expect.poll(() => t.titles()).toEqual(["Typed during the outage", "Saved before the outage"]);
    await context.close();
  });

  it("shows the error state when the API is down on arrival", async () => {
    const user = await createUser("arrival");
    await api("stop");
    const { context, page } = await newVisitor(browser(), { user });
    await page.goto("/tasks");
    const banner = taskPage(page).banner();
    await banner.waitFor();
    expect(await page.locator(".empty-state").textContent()).toContain("as soon as the server answers");
    await api("start");
    await page.getByRole("button", { name: "Retry" }).click();
    await banner.waitFor({ state: "detached" });
    expect(await page.locator(".empty-state").textContent()).toContain("Type your first task");
    await context.close();
  });

  it("clears a stale Not saved message when the connection returns", async () => {
    const user = await createUser("stale");
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await t.add("Tick me later");
    await api("stop");
    await t.checkbox("Tick me later").click();
    const error = t.row("Tick me later").locator(".row-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("Not saved");
    expect(await t.checkbox("Tick me later").isChecked()).toBe(false);
    await api("start");
    // Any answer from the API (here the banner's Retry) proves the connection is back.
    await page.getByRole("button", { name: "Retry" }).click();
    await error.waitFor({ state: "detached" });
    await t.banner().waitFor({ state: "detached" });
    await t.checkbox("Tick me later").click();
    await expect.poll(() => t.checkbox("Tick me later").isChecked()).toBe(true);
    await context.close();
  });
});
