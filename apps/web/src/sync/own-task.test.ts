import { describe, expect, it } from "vitest";
import { inOwnTask } from "./own-task";

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("inOwnTask", () => {
  it("starts the job in a later task, not in the caller's", async () => {
    const seen: string[] = [];
    inOwnTask(() => {
      seen.push("started");
    });
    seen.push("caller done");
    await Promise.resolve(); // a microtask is still the caller's task
    expect(seen).toEqual(["caller done"]);
    await nextTask();
    expect(seen).toEqual(["caller done", "started"]);
  });

  it("cleans up what the job started, and never starts a job cleaned up before its task", async () => {
    const seen: string[] = [];
    const stop = inOwnTask(() => () => seen.push("stopped"));
    await nextTask();
    stop();
    expect(seen).toEqual(["stopped"]);
    const early = inOwnTask(() => {
      seen.push("should not start");
    });
    early();
    await nextTask();
    expect(seen).toEqual(["stopped"]);
  });
});
