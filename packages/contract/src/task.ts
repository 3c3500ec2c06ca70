import { z } from "zod";
import { codePointLength, hasControlChars, hasNonWhitespaceControlChars, isWellFormedText } from "./text-rules.ts";

/** The single place where a task's field rules are written. */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;

export const TitleSchema = z
  .string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") })
  .trim()
  .refine((v) => v.length > 0, { message: "must not be empty" })
  .refine((v) => codePointLength(v) <= TITLE_MAX, {
    message: `must be at most ${TITLE_MAX} characters`,
  })
  .refine((v) => !hasControlChars(v), { message: "must not contain control characters" })
  .refine(isWellFormedText, { message: "must be valid Unicode text" })
  .meta({ description: `Trimmed, 1 to ${TITLE_MAX} characters, one line.`, example: "Buy milk" });

export const DescriptionSchema = z
  .string({ error: "must be a string or null" })
  .refine((v) => codePointLength(v) <= DESCRIPTION_MAX, {
    message: `must be at most ${DESCRIPTION_MAX} characters`,
  })
  .refine((v) => !hasNonWhitespaceControlChars(v), {
    message: "must not contain control characters other than newlines and tabs",
  })
  .refine(isWellFormedText, { message: "must be valid Unicode text" })
  .nullable()
  .meta({ description: `Up to ${DESCRIPTION_MAX} characters; newlines allowed.`, example: "2 litres, semi-skimmed" });

const CompletedSchema = z.boolean({
  error: (iss) => (iss.input === undefined ? "is required" : "must be true or false"),
});

export const TaskSchema = z
  .object({
    id: z.string().meta({ description: "Opaque identifier (UUID).", example: "6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10" }),
    user_id: z.string().meta({ description: "The owner; never writable by clients." }),
    title: z.string(),
    description: z.string().nullable(),
    completed: z.boolean(),
    created_at: z.string().meta({ description: "RFC 3339, UTC.", example: "2026-11-24T09:30:00.000Z" }),
    updated_at: z.string().meta({ description: "RFC 3339, UTC.", example: "2026-11-24T09:30:00.000Z" }),
  })
  .meta({ id: "Task" });

export const TaskListSchema = z.array(TaskSchema).meta({ id: "TaskList" });

export const TaskCreateSchema = z
  .strictObject({
    title: TitleSchema,
    description: DescriptionSchema.optional(),
    completed: CompletedSchema.optional(),
  })
  .meta({ id: "TaskCreate" });

/** PUT: every field optional; fields not sent stay as they were. */
export const TaskUpdateSchema = z
  .strictObject({
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
    completed: CompletedSchema.optional(),
  })
  .meta({ id: "TaskUpdate" });

/** PATCH .../complete: no body toggles; a body sets the value (idempotent). */
export const TaskCompleteSchema = z.strictObject({ completed: CompletedSchema }).meta({ id: "TaskComplete" });

export const TaskStatusSchema = z.enum(["all", "pending", "completed"]);

/** Fields the server owns: sending them is refused with a message that says so. */
export const SERVER_OWNED_FIELDS = ["id", "user_id", "created_at", "updated_at"] as const;

export type Task = z.infer<typeof TaskSchema>;
export type TaskCreate = z.infer<typeof TaskCreateSchema>;
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
