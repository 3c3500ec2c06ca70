// The rule module only: the contract (imported by every web page) stays free of rrule.
import { parseRule } from "@todo/recurrence/rule";
import { z } from "zod";
import { dedupeLabels, LABEL_NAME_FIELD, LABELS_MAX } from "./field-rules.ts";
import { textSchema } from "./text-schema.ts";

/** Field rules of contract section 6.1, written once for create, update, bulk and query. */

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID_RE.test(value);

export const IdSchema = z
  .string({ error: "must be a string" })
  .meta({ description: "An id (UUID).", example: "6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10" });

/** A list the user owns, or null for the Inbox. Unknown and foreign ids are both 422 (checked by the service). */
export const ListIdSchema = z
  .string({ error: "must be a list id or null" })
  .refine(isUuid, { message: "is not one of your lists" })
  .nullable()
  .meta({ description: "The list, or null for the Inbox.", example: "0b5e8c1a-6f3d-4e2a-9c7b-1d2e3f4a5b6c" });

/** `YYYY-MM-DD` that names a real calendar day (2026-02-30 is refused). */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const DueDateSchema = z
  .string({ error: "must be a YYYY-MM-DD date or null" })
  .refine(isCalendarDay, { message: "must be a real calendar day as YYYY-MM-DD" })
  .meta({ description: "A calendar day.", example: "2026-12-24" });

export const DueTimeSchema = z
  .string({ error: "must be an HH:MM time or null" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a 24-hour HH:MM time" })
  .meta({ description: "Wall-clock time in your time zone; needs a due_date.", example: "17:30" });

export const PrioritySchema = z
  .number({ error: "must be an integer from 1 (urgent) to 4 (none)" })
  .int({ message: "must be an integer from 1 (urgent) to 4 (none)" })
  .min(1, { message: "must be an integer from 1 (urgent) to 4 (none)" })
  .max(4, { message: "must be an integer from 1 (urgent) to 4 (none)" })
  .meta({ description: "1 (urgent) to 4 (none); p1..p4.", example: 2 });

export const LabelNameSchema = textSchema(z.string({ error: "must be a string" }), LABEL_NAME_FIELD).meta({
  description: "1 to 50 characters, no whitespace, '#' or '@'.",
  example: "errands",
});

export const LabelsSchema = z
  .array(LabelNameSchema, { error: "must be an array of label names" })
  .transform(dedupeLabels)
  .refine((v) => v.length <= LABELS_MAX, { message: `must have at most ${LABELS_MAX} labels` })
  .meta({ description: "0 to 20 label names; order kept, case-insensitive duplicates merged.", example: ["errands"] });

/**
 * RFC 5545 RRULE value (no `RRULE:` prefix) within the subset of contract 7.2, checked by the
 * same `parseRule` the completion path and the web use; stored in its canonical spelling.
 */
export const RecurrenceSchema = z
  .string({ error: "must be an RRULE string or null" })
  .transform((v, ctx) => {
    const parsed = parseRule(v);
    if (parsed.ok) return parsed.text;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  })
  .meta({
    description:
      "RFC 5545 RRULE without the `RRULE:` prefix: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL (a date); needs a due_date. Answered in canonical spelling.",
    example: "FREQ=WEEKLY;BYDAY=MO",
  });
