import type { z } from "zod";
import type { TextField } from "./field-rules.ts";

/** A zod string checked by a field's plain rules: every broken rule is one issue, as before. */
export function textSchema(base: z.ZodString, field: TextField): z.ZodString {
  const start = field.trim ? base.trim() : base;
  return field.rules.reduce((schema, rule) => schema.refine(rule.test, { message: rule.message }), start);
}
