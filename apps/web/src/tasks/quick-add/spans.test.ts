import { describe, expect, it } from "vitest";
import { shiftSpans } from "./spans";

describe("literal ranges while typing", () => {
  const literal = [{ start: 5, end: 13 }]; // "tomorrow" in "Read tomorrow book"

  it("stay put when the text changes after them", () => {
    expect(shiftSpans(literal, "Read tomorrow book", "Read tomorrow books")).toEqual(literal);
  });
  it("move with the words when text is typed before them", () => {
    expect(shiftSpans(literal, "Read tomorrow book", "Re-read tomorrow book")).toEqual([{ start: 8, end: 16 }]);
  });
  it("shrink or grow with an edit inside them (Backspace at their end included)", () => {
    expect(shiftSpans(literal, "Read tomorrow book", "Read tomorow book")).toEqual([{ start: 5, end: 12 }]);
    expect(shiftSpans(literal, "Read tomorrow", "Read tomorro")).toEqual([{ start: 5, end: 12 }]);
  });
  it("are dropped when an edit crosses their edge or empties them", () => {
    expect(shiftSpans(literal, "Read tomorrow book", "Read book")).toEqual([]);
    expect(shiftSpans(literal, "Read tomorrow book", "Read tomorbook")).toEqual([]);
    expect(shiftSpans([{ start: 5, end: 6 }], "Read x", "Read ")).toEqual([]);
  });
  it("survive typing right after their last letter", () => {
    expect(shiftSpans(literal, "Read tomorrow", "Read tomorrow!")).toEqual(literal);
  });
});
