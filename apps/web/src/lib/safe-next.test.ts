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
    // Safe-looking paths that URL normalisation turns into //host (issue 7).
    ["/.//evil.com", "/tasks"],
    ["/..//evil.com", "/tasks"],
    ["/%2e//evil.com", "/tasks"],
    ["/%2E%2E//evil.com", "/tasks"],
    ["/tasks/..//evil.com/x", "/tasks"],
    ["/tasks/./..//evil.com", "/tasks"],
    ["/\t/evil.com", "/tasks"],
    ["/tasks/../tasks?x=1", "/tasks?x=1"],
  ])("%j → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
