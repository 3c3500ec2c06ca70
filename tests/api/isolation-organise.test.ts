import type { Task, TrashItem } from "@todo/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, apiFor } from "./helpers/api.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { call, expectFieldError, expectProblem } from "./helpers/http.ts";

/** Another user's ids through every organise route: 404 (or 422 for a referenced id), nothing changes. */
const h = createHarness();
let alice: SignedInUser;
let bob: Api;
let aliceApi: Api;
let aliceTask: Task;
let aliceTrashed: Task;

beforeAll(async () => {
  alice = await h.signIn();
  aliceApi = apiFor(h.app, alice);
  bob = apiFor(h.app, await h.signIn());
  aliceTask = await aliceApi.createTask({ title: "alice's", labels: ["private"] });
  aliceTrashed = await aliceApi.createTask({ title: "alice's trashed" });
  await aliceApi.del(`tasks/${aliceTrashed.id}`);
});
afterAll(() => h.close());

describe("isolation of the organise routes", () => {
  it("bob cannot move, restore or bulk-change alice's tasks (404), nor use them as neighbours (422)", async () => {
    await expectProblem(await bob.post(`tasks/${aliceTask.id}/move`, {}), 404);
    await expectProblem(await bob.post(`tasks/${aliceTrashed.id}/restore`), 404);
    await expectProblem(await bob.post("tasks/bulk", { ids: [aliceTask.id], action: "delete" }), 404);
    await expectProblem(await bob.post("tasks/bulk", { ids: [aliceTrashed.id], action: "restore" }), 404);
    const mine = await bob.createTask();
    await expectFieldError(await bob.post(`tasks/${mine.id}/move`, { before: aliceTask.id }), "before");
    expect(await aliceApi.ok<Task>(await aliceApi.get(`tasks/${aliceTask.id}`))).toEqual(aliceTask);
  });

  it("bob's trash, labels and queries never show alice's data", async () => {
    expect(await bob.ok<TrashItem[]>(await bob.get("trash"))).toEqual([]);
    expect(await bob.ok(await bob.get("labels"))).toEqual([]);
    expect((await bob.tasks("label=private")).length).toBe(0);
    expect((await bob.tasks("q=alice")).length).toBe(0);
    expect((await bob.del("trash")).status).toBe(204);
    expect((await aliceApi.ok<TrashItem[]>(await aliceApi.get("trash"))).map((t) => t.id)).toEqual([aliceTrashed.id]);
  });

  it("alice's path with bob's token is 403 on every new route", async () => {
    const bobToken = (await h.signIn()).token;
    for (const [method, path] of [
      ["GET", "lists"],
      ["GET", "labels"],
      ["GET", "trash"],
      ["DELETE", "trash"],
      ["POST", "tasks/bulk"],
      ["POST", `tasks/${aliceTask.id}/move`],
      ["POST", `tasks/${aliceTrashed.id}/restore`],
    ] as const) {
      const body = method === "POST" ? { ids: [aliceTask.id], action: "delete" } : undefined;
      await expectProblem(await call(h.app, method, `/api/${alice.id}/${path}`, { token: bobToken, body }), 403);
    }
    expect((await aliceApi.ok<TrashItem[]>(await aliceApi.get("trash"))).length).toBe(1);
  });
});
