import { describe, expect, it } from "vitest";
import type { Task } from "../tasks/model";
import { afterRefusal, afterSent, type Pending, requestOf, TWIN_WAITS } from "./ops";

const entry = (over: Partial<Pending> & Pick<Pending, "op">): Pending =>
  ({ key: "k", taskId: "t1", base: 1, before: null, ...over }) as Pending;

describe("queued changes", () => {
  it("a bulk change sends each task's version as if_versions, except a restore (its tasks moved on in the trash)", () => {
    const complete = entry({ op: "bulk", body: { action: "complete" }, bases: { a: 3, b: 5 }, base: null });
    expect(requestOf(complete)).toEqual({
      method: "POST",
      path: "/tasks/bulk",
      body: { ids: ["a", "b"], action: "complete", if_versions: { a: 3, b: 5 } },
      ifMatch: false,
    });
    const restore = entry({ op: "bulk", body: { action: "restore" }, bases: { a: 3 }, base: null });
    expect(JSON.parse(JSON.stringify(requestOf(restore).body))).toEqual({ ids: ["a"], action: "restore" });
  });

  it("moves and list edits carry If-Match, a restore does not", () => {
    expect(requestOf(entry({ op: "move", body: { before: "t2" } }))).toMatchObject({
      path: "/tasks/t1/move",
      ifMatch: true,
    });
    expect(requestOf(entry({ op: "list-update", body: { name: "X" } }))).toMatchObject({
      method: "PUT",
      path: "/lists/t1",
      ifMatch: true,
    });
    expect(requestOf(entry({ op: "restore", back: [] }))).toMatchObject({ ifMatch: false });
  });

  it("a saved list's real id replaces its draft id in what was queued after it, which builds on its version", () => {
    const draft = "unsaved-0b5e8c1a-6f3d-4e2a-9c7b-1d2e3f4a5b6c";
    const create = entry({
      op: "list-create",
      taskId: draft,
      base: null,
      body: { name: "Trips" },
    } as Partial<Pending> & {
      op: "list-create";
    });
    const rename = entry({ op: "list-update", key: "r", taskId: draft, base: null, body: { name: "Holidays" } });
    const task = entry({
      op: "create",
      key: "c",
      taskId: "unsaved-task",
      base: null,
      body: { title: "Passport", list_id: draft },
    } as Partial<Pending> & { op: "create" });
    const [renamed, added] = afterSent([create, rename, task], create, { id: "L1", version: 1 });
    expect(renamed).toMatchObject({ taskId: "L1", base: 1 });
    expect(added).toMatchObject({ taskId: "unsaved-task", body: { list_id: "L1" } });
  });

  it("a sent change rebases later changes made on the same version, each task of a bulk on its own", () => {
    const edit = entry({ op: "update", body: { title: "x" }, base: 1 });
    const bulk = entry({ op: "bulk", key: "b", body: { action: "complete" }, bases: { t1: 1, t2: 7 }, base: null });
    const [next] = afterSent([edit, bulk], edit, { id: "t1", version: 2 } as Task);
    expect(next).toMatchObject({ bases: { t1: 2, t2: 7 } });
  });

  it("a 409 whose key is still running waits Retry-After (bounded) and is sent again; any other 409 is a refusal", () => {
    const running = (retryAfter?: number) => ({
      status: 409,
      problem: { type: "urn:todo:problem:still-running", ...(retryAfter === undefined ? {} : { retryAfter }) },
    });
    expect(afterRefusal(running(1), 0)).toEqual({ next: "wait", ms: 1000 });
    expect(afterRefusal(running(), 0)).toEqual({ next: "wait", ms: 1000 });
    // A long Retry-After is cut short; the queue waits behind it.
    expect(afterRefusal(running(3600), 0)).toEqual({ next: "wait", ms: 5000 });
    expect(afterRefusal(running(1), TWIN_WAITS - 1)).toMatchObject({ next: "wait" });
    // Still running after that: kept with the waiting changes, never dropped.
    expect(afterRefusal(running(1), TWIN_WAITS)).toEqual({ next: "later" });
    // A list name clash is also 409, but a refusal; so is a 409 without a problem type.
    expect(afterRefusal({ status: 409, problem: { type: "urn:todo:problem:conflict" } }, 0)).toEqual({
      next: "refused",
    });
    expect(afterRefusal({ status: 409 }, 0)).toEqual({ next: "refused" });
    expect(afterRefusal({ status: 422, problem: { type: "urn:todo:problem:still-running" } }, 0)).toEqual({
      next: "refused",
    });
  });
});
