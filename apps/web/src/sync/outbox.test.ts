import { describe, expect, it, vi } from "vitest";
import type { TaskApi } from "../tasks/api-client";
import { ApiError } from "../tasks/api-error";
import type { Task } from "../tasks/model";
import type { Pending } from "./ops";
import { TWIN_WAITS } from "./ops";
import { Outbox } from "./outbox";

// The queue's loop with a stand-in API (no IndexedDB in Node: nothing is stored). The browser
// test with a real held request is tests/e2e/sync-idempotency-retry.test.ts.
const running = () =>
  new ApiError("refused", 409, "A request with this Idempotency-Key is still running.", undefined, {
    type: "urn:todo:problem:still-running",
    // The shortest wait the queue takes, to keep the test quick.
    retryAfter: 0.1,
  });

const edit: Pending = { op: "update", body: { title: "x" }, key: "k1", taskId: "t1", base: 1, before: null };

function setup(answers: Array<() => unknown>) {
  const hooks = { sent: vi.fn(), refused: vi.fn() };
  let outbox: Outbox | undefined;
  const write = vi.fn(async () => {
    // Every answer of the API asks for another run when the queue is waiting (the provider's
    // onAnswer); past 50 sends the stand-in stops asking, so a resend loop fails instead of hanging.
    if (outbox?.snapshot().offline && write.mock.calls.length <= 50) void outbox.flush();
    const next = answers.shift() ?? (() => Promise.reject(running()));
    return next();
  });
  outbox = new Outbox({ write } as unknown as TaskApi, "u1", hooks);
  return { outbox, write, hooks };
}

describe("the write queue meets its own request still running (ADR 0150)", () => {
  it("waits and sends it again with the same key: the replayed answer completes it, nothing refused", async () => {
    const saved = { id: "t1", version: 2 } as Task;
    const { outbox, write, hooks } = setup([
      () => Promise.reject(running()),
      () => Promise.reject(running()),
      () => saved,
    ]);
    expect(await outbox.submit(edit)).toEqual({ status: "sent", answer: saved });
    expect(write).toHaveBeenCalledTimes(3);
    const keys = write.mock.calls.map((call) => ((call as unknown[])[3] as Record<string, string>)["idempotency-key"]);
    expect(keys).toEqual(["k1", "k1", "k1"]);
    expect(hooks.refused).not.toHaveBeenCalled();
    expect(outbox.snapshot().entries).toEqual([]);
  });

  it("still running after its waits: kept as waiting (not refused), and not resent in a loop", async () => {
    const { outbox, write, hooks } = setup([]);
    expect(await outbox.submit(edit)).toEqual({ status: "waiting" });
    expect(write).toHaveBeenCalledTimes(TWIN_WAITS + 1);
    expect(outbox.snapshot()).toMatchObject({ offline: true, entries: [edit] });
    // The next try (the provider's 5 s timer) sends it once and waits again, without a burst.
    await outbox.flush();
    expect(write).toHaveBeenCalledTimes(TWIN_WAITS + 2);
    expect(hooks.refused).not.toHaveBeenCalled();
  });

  it("another 409 (a list name clash) is still a refusal: dropped, with its message", async () => {
    const clash = new ApiError("refused", 409, "You already have a list with that name.", undefined, {
      type: "urn:todo:problem:conflict",
    });
    const { outbox, hooks } = setup([() => Promise.reject(clash)]);
    expect(await outbox.submit(edit)).toEqual({ status: "refused", error: clash });
    expect(hooks.refused).toHaveBeenCalledWith(edit, clash);
    expect(outbox.snapshot().entries).toEqual([]);
  });
});
