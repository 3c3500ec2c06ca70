import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { newVisitor, sharedBrowser } from "./support/browser.ts";
import { sharedDatabase } from "./support/database.ts";
import { taskPage } from "./support/task-page.ts";
import { apiAs, createUser } from "./support/users.ts";

const browser = sharedBrowser();
const db = sharedDatabase();

/** A backend of the run's database waiting for a row lock on the change counter: the held create. */
async function createBlocked(): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from pg_stat_activity
     where "datname" = current_database() and "wait_event_type" = 'Lock' and "query" ilike '%user_change_seq%'`,
  );
  return rows.length > 0;
}

async function saved(userId: string, title: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from task where user_id = $1 and title = $2`,
    [userId, title],
  );
  return rows[0]?.n ?? 0;
}

describe("a resend that meets its first request still running (ADR 0150)", () => {
  it("waits for it instead of taking the 409 for a refusal: the row stays, no error, saved once", async () => {
    const user = await createUser("twin");
    const api = await apiAs(user);
    // Makes the user's change counter row, which the test then holds.
    await api.createTasks([{ title: "Already here" }]);
    const { context, page } = await newVisitor(browser(), { user });
    const t = taskPage(page);
    await t.open();
    await expect.poll(() => t.titles()).toEqual(["Already here"]);

    // The API's answers to the queued create, across the reload.
    const answers: { status: number; replayed: string | null }[] = [];
    page.on("response", (response) => {
      const request = response.request();
      if (request.method() === "POST" && /^\/api\/[^/]+\/tasks$/.test(new URL(response.url()).pathname)) {
        answers.push({ status: response.status(), replayed: response.headers()["idempotent-replayed"] ?? null });
      }
    });

    // Hold the change counter: the create blocks inside its transaction, holding its key.
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    let held = true;
    const release = async () => {
      if (!held) return;
      held = false;
      await holder.query("rollback");
      await holder.end();
    };
    try {
      await holder.query("begin");
      await holder.query(`select 1 from "user_change_seq" where "user_id" = $1 for update`, [user.id]);
      await t.input.fill("Sent once");
      await t.input.press("Enter");
      await expect.poll(createBlocked, { timeout: 15_000 }).toBe(true);

      // A reload while it runs: the queue (IndexedDB) sends it again with the same key and meets a 409.
      await page.reload();
      await expect.poll(() => answers.some((a) => a.status === 409), { timeout: 30_000 }).toBe(true);
      // Past that 409 (Retry-After is 1 s) with the first still running: the change is neither
      // dropped nor called refused (before the fix: the row went and "still running" was shown).
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await t.titles()).toContain("Sent once");
      expect(await page.getByText(/still running/i).count()).toBe(0);
      expect(await t.banner().count()).toBe(0);
      expect(await saved(user.id, "Sent once")).toBe(0);
    } finally {
      await release();
    }

    // The first request finishes (the reload's hang-up does not undo it: its work ran to the end)
    // and the resend gets its stored answer; the entry completes: saved, once, no error.
    await expect.poll(() => answers.at(-1), { timeout: 30_000 }).toEqual({ status: 201, replayed: "true" });
    await expect.poll(() => page.locator("li.task-row.is-unsaved").count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => saved(user.id, "Sent once"), { timeout: 15_000 }).toBe(1);
    // Polled: after a reload a queued create's row is drawn from the queue, and once it is sent the
    // row is the refetched copy (the cache never held the draft), a moment later.
    await expect
      .poll(async () => (await t.titles()).sort(), { timeout: 15_000 })
      .toEqual(["Already here", "Sent once"]);
    expect(await page.getByText(/still running/i).count()).toBe(0);
    expect(await t.banner().count()).toBe(0);
    // Once more after a while: nothing was sent twice.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await saved(user.id, "Sent once")).toBe(1);
    await context.close();
  });
});
