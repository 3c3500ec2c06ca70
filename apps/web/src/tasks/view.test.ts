import { describe, expect, it } from "vitest";
import { apiQuery, defaultsFor, nextPage, optionsHref, parseOptions, parseView } from "./view";

describe("views are addresses", () => {
  it("reads each view from its path and refuses anything else", () => {
    expect(parseView(undefined)).toEqual({ kind: "inbox" });
    expect(parseView(["today"])).toEqual({ kind: "today" });
    expect(parseView(["list", "abc"])).toEqual({ kind: "list", id: "abc" });
    expect(parseView(["label", "errands"])).toEqual({ kind: "label", name: "errands" });
    expect(parseView(["trash"])).toEqual({ kind: "trash" });
    expect(parseView(["today", "x"])).toBeNull();
    expect(parseView(["list"])).toBeNull();
    expect(parseView(["nope"])).toBeNull();
  });

  it("keeps only non-default options in the address", () => {
    const today = { kind: "today" } as const;
    const options = parseOptions(today, new URLSearchParams());
    expect(options).toEqual({ q: "", sort: "due", filter: "active" });
    expect(optionsHref(today, options)).toBe("/tasks/today");
    expect(optionsHref({ kind: "inbox" }, { q: "milk", sort: "manual", filter: "all" })).toBe(
      "/tasks?sort=manual&q=milk",
    );
    expect(parseOptions({ kind: "inbox" }, new URLSearchParams("sort=bogus&filter=x")).sort).toBe("created");
  });

  it("asks the API for what the view shows", () => {
    const q = (view: Parameters<typeof apiQuery>[0], params = "") =>
      Object.fromEntries(apiQuery(view, parseOptions(view, new URLSearchParams(params)), "UTC"));
    expect(q({ kind: "inbox" })).toMatchObject({
      list_id: "inbox",
      status: "all",
      sort: "created",
      tz: "UTC",
      limit: "20",
    });
    expect(q({ kind: "upcoming" })).toMatchObject({ due: "upcoming", status: "pending", sort: "due" });
    expect(q({ kind: "today" }).due_to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(q({ kind: "label", name: "x" }, "q=milk&filter=completed")).toMatchObject({
      label: "x",
      q: "milk",
      status: "completed",
    });
  });

  it("asks for longer pages after the first, keeping the API's cursor", () => {
    const next = nextPage("http://api.test/api/u/tasks?limit=20&sort=title&cursor=abc");
    expect(Object.fromEntries(new URL(next ?? "").searchParams)).toEqual({
      limit: "100",
      sort: "title",
      cursor: "abc",
    });
    expect(nextPage(null)).toBeNull();
  });

  it("gives a task typed in a view the fields that keep it there", () => {
    expect(defaultsFor({ kind: "list", id: "L" }, "UTC")).toEqual({ list_id: "L" });
    expect(defaultsFor({ kind: "label", name: "x" }, "UTC")).toEqual({ labels: ["x"] });
    expect(defaultsFor({ kind: "today" }, "UTC").due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
