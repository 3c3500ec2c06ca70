import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_BATCH } from "../../apps/api/src/export/service/export-rows.ts";
import { TASK_QUOTA } from "../../apps/api/src/tasks/store/task-quota.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { seedTasks } from "./helpers/seed.ts";

const h = createHarness();
let user: SignedInUser;

beforeAll(async () => {
  user = await h.signIn();
  await seedTasks(h.database.pool, user.id, TASK_QUOTA);
}, 120_000);
afterAll(() => h.close());

const MiB = 1024 * 1024;
// A full collection before each sample, so what is measured is what is still held, not garbage not yet collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heldHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe("contract 10: a full account exports as a stream", () => {
  it.each(["json", "csv"])(
    "streams %s for 100,000 tasks in batches, with memory that does not grow with the file",
    async (format) => {
      const res = await h.app.request(`/api/${user.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const start = heldHeap();
      let bytes = 0;
      let chunks = 0;
      let newlines = 0;
      const held: number[] = [];
      let peakRss = process.memoryUsage().rss;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        chunks += 1;
        if (format === "csv") for (const b of value) if (b === 10) newlines += 1;
        if (chunks % 10 === 0) held.push(heldHeap() - start);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
      const mib = (n: number) => (n / MiB).toFixed(1);
      console.log(
        `export ${format}: ${mib(bytes)} MiB in ${chunks} chunks; heap held after GC every 10 batches (MiB over start): ${held.map(mib).join(" ")}; process RSS peak ${mib(peakRss)} MiB`,
      );
      // Written as it is read: one piece per batch (plus the head and tail), never the whole file at once.
      expect(chunks).toBeGreaterThanOrEqual(TASK_QUOTA / EXPORT_BATCH);
      if (format === "csv") expect(newlines).toBe(TASK_QUOTA + 1);
      expect(bytes / MiB).toBeGreaterThan(5);
      // Flat: what is held near the end is no more than near the start (a batch or two), whatever the file's size.
      const early = held[0] as number;
      const late = held.at(-1) as number;
      expect(late - early).toBeLessThan(4 * MiB);
      expect(Math.max(...held)).toBeLessThan(bytes / 4);
    },
    120_000,
  );
});
