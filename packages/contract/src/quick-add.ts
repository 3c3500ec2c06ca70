import { z } from "zod";
import { TimeZoneSchema } from "./time-zone.ts";

/** Contract 7.1: one line typed by a person; longer than any title plus its parts needs. */
export const QUICK_ADD_TEXT_MAX = 500;

const QUICK_ADD_LITERAL_MAX = 50;

const offset = z
  .number({ error: "must be a whole number" })
  .int({ message: "must be a whole number" })
  .min(0, { message: "must not be negative" })
  .max(QUICK_ADD_TEXT_MAX, { message: `must be at most ${QUICK_ADD_TEXT_MAX}` });
const LiteralSpanSchema = z
  .strictObject({ start: offset, end: offset })
  .refine((s) => s.start <= s.end, { message: "start must not be after end", path: ["end"] });

const EXAMPLE_TEXT = "Pay rent every month on the 1st p1 #Home @bills";

export const QuickAddInputSchema = z
  .strictObject({
    text: z
      .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") })
      .max(QUICK_ADD_TEXT_MAX, { message: `must be at most ${QUICK_ADD_TEXT_MAX} characters` })
      .meta({ description: "What the person typed, in the grammar of contract 7.1.", example: EXAMPLE_TEXT }),
    tz: TimeZoneSchema.optional().meta({
      description: 'IANA zone "today" is read in; default your saved zone, else UTC.',
      example: "Europe/Paris",
    }),
    literal: z
      .array(LiteralSpanSchema, { error: "must be an array of {start, end} ranges" })
      .max(QUICK_ADD_LITERAL_MAX, { message: `must have at most ${QUICK_ADD_LITERAL_MAX} ranges` })
      .optional()
      .meta({
        description:
          "Ranges of `text` (UTF-16 offsets) the person kept as plain text, e.g. by Backspace over a highlight: never read as parts.",
        example: [{ start: 9, end: 31 }],
      }),
  })
  .superRefine((body, ctx) => {
    body.literal?.forEach((span, i) => {
      if (span.end > body.text.length) {
        ctx.addIssue({ code: "custom", path: ["literal", i, "end"], message: "is past the end of text" });
      }
    });
  })
  .meta({ id: "QuickAddInput", example: { text: EXAMPLE_TEXT, tz: "Europe/Paris" } });

export const QuickAddTokenSchema = z
  .object({
    start: z.number().int().meta({ description: "UTF-16 offset of the first character in `text`." }),
    end: z.number().int().meta({ description: "UTF-16 offset just after the last character." }),
    kind: z.enum(["date", "time", "priority", "label", "list", "recurrence"]),
  })
  .meta({ id: "QuickAddToken" });

export const QuickAddParseSchema = z
  .object({
    title: z.string().meta({ description: "The text without its recognised parts; may be empty." }),
    due_date: z.string().nullable(),
    due_time: z.string().nullable(),
    priority: z.number().int(),
    labels: z.array(z.string()),
    list_id: z.string().nullable().meta({ description: "The id of your list named by `#Name`, else null." }),
    recurrence: z.string().nullable(),
    tokens: z.array(QuickAddTokenSchema),
  })
  .meta({
    id: "QuickAddParse",
    example: {
      title: "Pay rent",
      due_date: "2026-12-01",
      due_time: null,
      priority: 1,
      labels: ["bills"],
      list_id: "0b5e8c1a-6f3d-4e2a-9c7b-1d2e3f4a5b6c",
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      tokens: [
        { start: 9, end: 31, kind: "recurrence" },
        { start: 32, end: 34, kind: "priority" },
        { start: 35, end: 40, kind: "list" },
        { start: 41, end: 47, kind: "label" },
      ],
    },
  });

export type QuickAddInput = z.infer<typeof QuickAddInputSchema>;
export type QuickAddParse = z.infer<typeof QuickAddParseSchema>;
