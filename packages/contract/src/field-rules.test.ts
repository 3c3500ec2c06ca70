import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DescriptionSchema, LabelNameSchema, ListNameSchema, TitleSchema } from "./index.ts";
import {
  checkText,
  DESCRIPTION_FIELD,
  LABEL_NAME_FIELD,
  LIST_NAME_FIELD,
  type TextField,
  TITLE_FIELD,
} from "./rules.ts";

/** What the API answers for a value: the stored value, or its first message. */
const viaZod = (schema: z.ZodType<string | null>, value: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message };
};

const SAMPLES = [
  "Buy milk",
  "  padded  ",
  "",
  "   ",
  "x".repeat(200),
  "x".repeat(201),
  "😀".repeat(50),
  "😀".repeat(51),
  "tab\there",
  "line\nbreak",
  "bell\u0007",
  "lone \ud800 surrogate",
  "has space",
  "#tag",
  "@name",
  "x".repeat(1001),
];

describe("the browser's field rules say what the API says", () => {
  const fields: [string, TextField, z.ZodType<string | null>][] = [
    ["title", TITLE_FIELD, TitleSchema],
    ["description", DESCRIPTION_FIELD, DescriptionSchema],
    ["list name", LIST_NAME_FIELD, ListNameSchema],
    ["label name", LABEL_NAME_FIELD, LabelNameSchema],
  ];
  it.each(fields)("%s: same value or same first message for every sample", (_name, field, schema) => {
    for (const sample of SAMPLES)
      expect(checkText(field, sample), JSON.stringify(sample)).toEqual(viaZod(schema, sample));
  });

  it("the rules module loads no zod", async () => {
    const { readFileSync } = await import("node:fs");
    for (const file of ["rules.ts", "field-rules.ts", "text-rules.ts", "time-zone-rules.ts"]) {
      const source = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(source, file).not.toMatch(/from "zod"|from "\.\/(?!field-rules|text-rules|time-zone-rules)/);
    }
  });
});
