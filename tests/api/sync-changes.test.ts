import type { ChangePage, Task } from "@todo/contract";
import { createDb } from "@todo/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCursorCodec } from "../../apps/api/src/pages/page-cursor.ts";
import { syncHousekeeping } from "../../apps/api/src/sync/retention-job.ts";
import { lockPositions } from "../../apps/api/src/tasks/store/positions.ts";
import { insertTask } from "../../apps/api/src/tasks/store/task-write.ts";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { expectProblem } from "./helpers/http.ts";
import { TEST_SECRET } from "./helpers/tokens.ts";

// Contract 9: GET /api/{user_id}/changes.
const h = createHarness();
let user: SignedInUser;
let api: Api;

beforeAll(async () => {
  user = await h.signIn();
  api = apiFor(h.app, user);
});
afterAll(() => h.close());

const head = async (a: Api = api) => (await a.ok<ChangePage>(await a.get("changes"))).cursor;
const since = async (cursor: string, a: Api = api) =>
  a.ok<ChangePage>(await a.get(`changes?since=${encodeURIComponent(cursor)}`));
const summary = (page: ChangePage) => page.changes.map((c) => `${c.kind}:${c.op}:${c.id}`);

describe("contract 9: the change feed", () => {
  it("without since: no changes and the current cursor; then every change in commit order with current data", async () => {
    const start = await api.ok<ChangePage>(await api.get("changes"));
    expect(start).toMatchObject({ changes: [], has_more: false });
    const list = await api.createList("Feed");
    const a = await api.createTask({ title: "a", list_id: list.id });
    const b = await api.createTask({ title: "b" });
    await api.put(`tasks/${a.id}`, { title: "a2" });
    await api.del(`tasks/${b.id}`);
    const page = await since(start.cursor);
    // `a` changed twice: once, at its last place, with its data as it is now.
    expect(summary(page)).toEqual([`list:upsert:${list.id}`, `task:upsert:${a.id}`, `task:delete:${b.id}`]);
    const upsert = page.changes.find((c) => c.id === a.id);
    expect(upsert && "data" in upsert && (upsert.data as Task)).toMatchObject({ title: "a2", version: 2 });
    expect(page.has_more).toBe(false);
    // Replaying a page is harmless; the cursor moves on.
    expect(await since(start.cursor)).toEqual({ ...page, cursor: expect.any(String) });
    expect((await since(page.cursor)).changes).toEqual([]);
  });

  it("records restore, list rename and delete (its tasks move to the Inbox), label rename and emptying the trash", async () => {
    const list = await api.createList("Doomed");
    const t = await api.createTask({ title: "in list", list_id: list.id, labels: ["old"] });
    const gone = await api.createTask({ title: "gone" });
    await api.del(`tasks/${gone.id}`);
    const c0 = await head();
    await api.post(`tasks/${gone.id}/restore`);
    await api.put(`lists/${list.id}`, { name: "Doomed 2" });
    expect(summary(await since(c0))).toEqual([`task:upsert:${gone.id}`, `list:upsert:${list.id}`]);
    const c1 = await head();
    await api.del(`lists/${list.id}`);
    const moved = (await since(c1)).changes;
    expect(moved.map((c) => `${c.kind}:${c.op}:${c.id}`)).toEqual([`task:upsert:${t.id}`, `list:delete:${list.id}`]);
    expect((moved[0] as { data: Task }).data.list_id).toBeNull();
    const c2 = await head();
    await api.put("labels/old", { name: "new" });
    const relabelled = (await since(c2)).changes;
    expect(relabelled.map((c) => c.id)).toEqual([t.id]);
    expect((relabelled[0] as { data: Task }).data.labels).toEqual(["new"]);
    await api.del(`tasks/${gone.id}`);
    const c3 = await head();
    await api.del("trash");
    // Everything that was in the trash (the first test's task too) is gone for good.
    const purged = summary(await since(c3));
    expect(purged).toContain(`task:delete:${gone.id}`);
    expect(purged.every((s) => s.startsWith("task:delete:"))).toBe(true);
  });

  it("never shows another user's changes, and another user's cursor is 400", async () => {
    const bob = apiFor(h.app, await h.signIn());
    const c = await head();
    const bobCursor = await head(bob);
    await bob.createTask({ title: "bob's" });
    await bob.createList("bob's list");
    expect((await since(c)).changes).toEqual([]);
    expect((await since(bobCursor, bob)).changes).toHaveLength(2);
    await expectProblem(await api.get(`changes?since=${encodeURIComponent(bobCursor)}`), 400);
    await expectProblem(await api.get(`changes?since=${encodeURIComponent(`${c.slice(0, -2)}xx`)}`), 400);
  });

  it("pages at 500 changes with has_more", async () => {
    const carol = await h.signIn();
    const capi = apiFor(h.app, carol);
    const c = await head(capi);
    const ids = await h.database.db.transaction().execute(async (trx) => {
      await lockPositions(trx, carol.id);
      const out: string[] = [];
      for (let i = 0; i < 300; i++) {
        out.push(
          await insertTask(trx, {
            userId: carol.id,
            position: `a${String(i).padStart(4, "0")}`,
            patch: { title: `t${i}` },
          }),
        );
      }
      return out;
    });
    await capi.ok(await capi.post("tasks/bulk", { ids, action: "complete" }));
    // 600 log rows: the first page holds rows 1-500 (300 ids, each once), the second the last 100.
    const first = await since(c, capi);
    expect(first.has_more).toBe(true);
    expect(first.changes).toHaveLength(300);
    const second = await since(first.cursor, capi);
    expect(second.has_more).toBe(false);
    expect(second.changes.map((x) => x.id)).toEqual(ids.slice(200));
    expect(second.changes.every((x) => x.op === "upsert" && (x.data as Task).completed)).toBe(true);
  });

  it("a cursor older than 30 days, or older than the kept history, is 410", async () => {
    const dave = await h.signIn();
    const dapi = apiFor(h.app, dave);
    const c = await head(dapi);
    await dapi.createTask({ title: "old news" });
    // The retention job deletes log rows older than 30 days; a cursor from before them is gone.
    await h.database.pool.query(
      `update "change_log" set "created_at" = now() - interval '31 days' where "user_id" = $1`,
      [dave.id],
    );
    await syncHousekeeping(h.database.db);
    await expectProblem(await dapi.get(`changes?since=${encodeURIComponent(c)}`), 410);
    const fresh = await head(dapi);
    expect((await since(fresh, dapi)).changes).toEqual([]);
    // A cursor issued more than 30 days ago.
    const old = createCursorCodec(TEST_SECRET).encode({ feed: dave.id }, [0, Date.now() - 31 * 86_400_000]);
    await expectProblem(await dapi.get(`changes?since=${encodeURIComponent(old)}`), 410);
  });

  it("concurrent writers committing out of order: a reader walking the feed meanwhile misses nothing", async () => {
    const erin = await h.signIn();
    const eapi = apiFor(h.app, erin);
    const start = await head(eapi);
    const writers = createDb(h.env.DATABASE_URL, { max: 22 });
    const seen = new Set<string>();
    let done = false;
    // The reader polls from its cursor the whole time, as a client would.
    const reader = (async () => {
      let cursor = start;
      while (!done || seen.size < 20) {
        const page = await since(cursor, eapi);
        for (const c of page.changes) seen.add(c.id);
        cursor = page.cursor;
        if (done && page.changes.length === 0) break;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writers.db.transaction().execute(async (trx) => {
          const id = await insertTask(trx, {
            userId: erin.id,
            position: `b${String(i).padStart(3, "0")}${crypto.randomUUID().slice(0, 4)}`,
            patch: { title: `w${i}` },
          });
          // Each commits after a random delay: numbers taken early commit late.
          await sql`select pg_sleep(${Math.random() * 0.2})`.execute(trx);
          return id;
        }),
      ),
    );
    done = true;
    await reader;
    await writers.close();
    expect([...seen].sort()).toEqual([...created].sort());
  });
});
