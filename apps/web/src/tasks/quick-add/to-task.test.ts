import { describe, expect, it } from "vitest";
import { toTaskCreate } from "./to-task";

const parsed = {
  title: "Pay rent",
  due_date: "2026-12-01",
  due_time: null,
  priority: 1,
  labels: ["bills"],
  list_id: "home",
  recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
};
const nothing = { ...parsed, due_date: null, priority: 4, labels: [], list_id: null, recurrence: null };

describe("a parsed line becomes a task in the current view", () => {
  it("keeps every typed part", () => {
    expect(toTaskCreate(parsed, "Pay rent", null, {})).toEqual({
      title: "Pay rent",
      priority: 1,
      labels: ["bills"],
      list_id: "home",
      due_date: "2026-12-01",
      due_time: null,
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
    });
  });
  it("lets the view fill what was not typed", () => {
    const task = toTaskCreate(nothing, "Milk", "2 litres", { list_id: "shop", due_date: "2026-11-30" });
    expect(task).toMatchObject({ list_id: "shop", due_date: "2026-11-30", description: "2 litres" });
    expect(task).not.toHaveProperty("priority");
  });
  it("prefers the typed list and date over the view's, and adds the view's label", () => {
    const task = toTaskCreate(parsed, "Pay rent", null, { list_id: "shop", due_date: "2026-11-30", labels: ["home"] });
    expect(task).toMatchObject({ list_id: "home", due_date: "2026-12-01", labels: ["home", "bills"] });
  });
});
