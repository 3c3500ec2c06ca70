import { describe, expect, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const db = sharedDatabase();

const titleOf = async (id: string) =>
  (await db.query<{ title: string }>("select title from task where id = $1", [id])).rows[0]?.title;

describe("a conflict is never resolved silently", () => {
  for (const choice of ["Keep mine", "Take theirs"] as const) {
    it(`an edit made offline meets a newer edit from another device: both shown, "${choice}" applied`, async () => {
      const user = await createUser("conflict");
      const api = await apiAs(user);
      const [task] = await api.createTasks([{ title: "Book the venue" }]);
      const a = await newVisitor(browser(), { user });
      const b = await newVisitor(browser(), { user });
      const ta = taskPage(a.page);
      const tb = taskPage(b.page);
      await ta.open();
      await tb.open();

      // A edits offline; B, online, edits the same task first.
      await a.context.setOffline(true);
      await ta.editButton("Book the venue").click();
      await a.page.getByLabel("Task title").fill("Book the venue for 40");
      await a.page.getByRole("button", { name: "Save" }).click();
      await tb.editButton("Book the venue").click();
      await b.page.getByLabel("Task title").fill("Book the venue downtown");
      await b.page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => titleOf(task?.id ?? "")).toBe("Book the venue downtown");

      // A comes back: its queued edit is refused (412) and the conflict view shows both versions.
      await a.context.setOffline(false);
      const view = a.page.getByRole("dialog", { name: "Conflicting change" });
      await view.waitFor({ timeout: 30_000 });
      const titleRow = view.getByRole("row", { name: /^Title/ });
      expect(await titleRow.getByRole("cell").allTextContents()).toEqual([
        "Book the venue for 40",
        "Book the venue downtown",
      ]);
      // Nothing was overwritten while the person decides.
      expect(await titleOf(task?.id ?? "")).toBe("Book the venue downtown");

      await view.getByRole("button", { name: choice }).click();
      const expected = choice === "Keep mine" ? "Book the venue for 40" : "Book the venue downtown";
      await expect.poll(() => titleOf(task?.id ?? ""), { timeout: 20_000 }).toBe(expected);
      await expect.poll(() => view.count()).toBe(0);
      await expect.poll(() => ta.titles(), { timeout: 20_000 }).toEqual([expected]);
      await expect.poll(() => tb.titles(), { timeout: 20_000 }).toEqual([expected]);
      await a.context.close();
      await b.context.close();
    });
  }
});
