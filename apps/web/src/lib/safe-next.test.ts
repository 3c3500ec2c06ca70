import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it.each([
    ["/tasks", "/tasks"],
    ["/tasks?filter=active", "/tasks?filter=active"],
    ["//evil.example/x", "/tasks"],
    ["https://evil.example", "/tasks"],
    ["/\\evil.example", "/tasks"],
    ["javascript:alert(1)", "/tasks"],
    ["", "/tasks"],
    [undefined, "/tasks"],
    [["/a", "/b"], "/tasks"],
  ])("%j → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
