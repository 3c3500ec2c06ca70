import type { Task } from "@todo/contract";
import { describe, expect, it } from "vitest";
import { initialListState, listReducer, parseFilter, tasksLeftLabel, visibleTasks } from "./task-list-state";

const task = (id: string, completed: boolean, created_at: string): Task => ({
  id,
  user_id: "u",
  title: id,
  description: null,
  completed,
  created_at,
  updated_at: created_at,
});

describe("task list state", () => {
  const a = task("a", false, "2026-01-01T00:00:00.000Z");
  const b = task("b", true, "2026-01-02T00:00:00.000Z");
  const c = task("c", false, "2026-01-03T00:00:00.000Z");

  it("counts what is left in words", () => {
    expect(tasksLeftLabel([a])).toBe("1 task left");
    expect(tasksLeftLabel([a, c, { ...b, completed: false }])).toBe("3 tasks left");
    expect(tasksLeftLabel([b])).toBe("0 tasks left");
  });

  it("orders a loaded list newest first", () => {
    const state = listReducer(initialListState, { type: "loaded", tasks: [a, b, c] });
    expect(state.tasks.map((t) => t.id)).toEqual(["c", "b", "a"]);
  });

  it("puts an undone delete back where it was", () => {
    let state = listReducer(initialListState, { type: "loaded", tasks: [a, b, c] });
    state = listReducer(state, { type: "remove", id: "b" });
    state = listReducer(state, { type: "insert", task: b, index: 1 });
    expect(state.tasks.map((t) => t.id)).toEqual(["c", "b", "a"]);
  });

  it("filters by the URL's value, defaulting to all", () => {
    expect(parseFilter("active")).toBe("active");
    expect(parseFilter("nonsense")).toBe("all");
    expect(visibleTasks([a, b, c], "completed").map((t) => t.id)).toEqual(["b"]);
    expect(visibleTasks([a, b, c], "active").map((t) => t.id)).toEqual(["a", "c"]);
  });
});
