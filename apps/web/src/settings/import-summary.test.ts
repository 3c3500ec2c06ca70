import { describe, expect, it } from "vitest";
import { describeDevice } from "./device";
import { describeImport } from "./import-summary";

describe("describeImport", () => {
  it("says what a dry run will add and which lines it skips", () => {
    const result = {
      lists_created: 12,
      tasks_created: 840,
      skipped: [
        { line: 2, reason: "a section" },
        { line: 4, reason: "a note" },
        { line: 9, reason: "a note" },
      ],
    };
    expect(describeImport(result, true)).toBe(
      "12 lists and 840 tasks will be added; 3 lines skipped: line 2 (a section), line 4 (a note), line 9 (a note).",
    );
    expect(describeImport({ lists_created: 1, tasks_created: 1, skipped: [] }, false)).toBe(
      "1 list and 1 task were added.",
    );
  });

  it("shows five skipped lines and counts the rest", () => {
    const skipped = Array.from({ length: 8 }, (_, i) => ({ line: i + 1, reason: "r" }));
    expect(describeImport({ lists_created: 0, tasks_created: 0, skipped }, true)).toMatch(
      /line 5 \(r\), and 3 more\.$/,
    );
  });
});

describe("describeDevice", () => {
  it("names browser and system from common user agents", () => {
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/128.0")).toBe(
      "Firefox on macOS",
    );
    expect(
      describeDevice(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0",
      ),
    ).toBe("Edge on Windows");
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1",
      ),
    ).toBe("Safari on iOS");
    expect(describeDevice("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36")).toBe(
      "Chrome on Android",
    );
    expect(describeDevice(null)).toBe("Unknown device");
  });
});
