import type { Task } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness } from "./helpers/harness.ts";

const h = createHarness();
let api: Api;
beforeAll(async () => {
  api = apiFor(h.app, await h.signIn());
});
afterAll(() => h.close());

// Position writes of one user are serialised by the change counter's row lock alone (no
// advisory lock after it): concurrent "to the end of the list" must still get distinct keys.
describe("concurrent moves to the end of one list", () => {
  it("give every task its own position, in a total order", async () => {
    const list = await api.createList("target");
    const tasks = await Promise.all(Array.from({ length: 12 }, (_, i) => api.createTask({ title: `t${i}` })));
    const moved = await Promise.all(
      tasks.map(async (t) => api.ok<Task>(await api.post(`tasks/${t.id}/move`, { list_id: list.id }))),
    );
    const positions = moved.map((t) => t.position);
    expect(new Set(positions).size).toBe(tasks.length);
    const inList = await api.tasks(`list_id=${list.id}&sort=manual`);
    expect(inList.map((t) => t.position)).toEqual([...positions].sort());
  });
});
