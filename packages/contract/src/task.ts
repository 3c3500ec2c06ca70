import { z } from "zod";
import { DESCRIPTION_FIELD, DESCRIPTION_MAX, TITLE_FIELD, TITLE_MAX } from "./field-rules.ts";
import {
  DueDateSchema,
  DueTimeSchema,
  LabelsSchema,
  ListIdSchema,
  PrioritySchema,
  RecurrenceSchema,
} from "./task-fields.ts";
import { textSchema } from "./text-schema.ts";

export const TitleSchema = textSchema(
  z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") }),
  TITLE_FIELD,
).meta({ description: `Trimmed, 1 to ${TITLE_MAX} characters, one line.`, example: "Buy milk" });

export const DescriptionSchema = textSchema(z.string({ error: "must be a string or null" }), DESCRIPTION_FIELD)
  .nullable()
  .meta({ description: `Up to ${DESCRIPTION_MAX} characters; newlines allowed.`, example: "2 litres, semi-skimmed" });

const CompletedSchema = z.boolean({
  error: (iss) => (iss.input === undefined ? "is required" : "must be true or false"),
});

const TIMESTAMP = { description: "RFC 3339, UTC.", example: "2026-11-24T09:30:00.000Z" };

export const TaskSchema = z
  .object({
    id: z.string().meta({ description: "Opaque identifier (UUID).", example: "6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10" }),
    user_id: z.string().meta({ description: "The owner; never writable by clients." }),
    title: z.string().meta({ example: "Buy milk" }),
    description: z.string().nullable().meta({ example: "2 litres" }),
    completed: z.boolean(),
    list_id: z.string().nullable().meta({ description: "The list; null is the Inbox." }),
    due_date: z.string().nullable().meta({ description: "YYYY-MM-DD", example: "2026-12-24" }),
    due_time: z.string().nullable().meta({ description: "HH:MM in your time zone", example: "17:30" }),
    priority: z.number().int().meta({ description: "1 (urgent) to 4 (none)", example: 4 }),
    labels: z.array(z.string()).meta({ example: ["errands"] }),
    recurrence: z.string().nullable(),
    recurring_task_id: z.string().nullable(),
    position: z.string().meta({ description: "Manual order in its list; compare as byte strings.", example: "a0" }),
    completed_at: z.string().nullable().meta(TIMESTAMP),
    version: z.number().int().meta({ description: "1 on create, +1 on every change.", example: 1 }),
    created_at: z.string().meta(TIMESTAMP),
    updated_at: z.string().meta(TIMESTAMP),
  })
  .meta({ id: "Task" });

export const TaskListSchema = z.array(TaskSchema).meta({ id: "TaskList" });

/** A task in the trash: the task as it was, plus when it was deleted. */
export const TrashItemSchema = TaskSchema.extend({ deleted_at: z.string().meta(TIMESTAMP) }).meta({ id: "TrashItem" });
export const TrashListSchema = z.array(TrashItemSchema).meta({ id: "TrashList" });

const organiseFields = {
  list_id: ListIdSchema.optional(),
  due_date: DueDateSchema.nullable().optional(),
  due_time: DueTimeSchema.nullable().optional(),
  priority: PrioritySchema.optional(),
  labels: LabelsSchema.optional(),
  recurrence: RecurrenceSchema.nullable().optional(),
};

type DatedFields = { due_date?: string | null; due_time?: string | null; recurrence?: string | null };

/**
 * A due_time or a recurrence needs a due_date. Within one body this is checked here;
 * against the stored task (PUT without due_date) the database's check answers.
 */
function needsDueDate(body: DatedFields, ctx: z.RefinementCtx, update: boolean) {
  const dateCleared = body.due_date === null || (!update && body.due_date === undefined);
  if (!dateCleared) return;
  if (body.due_time != null) ctx.addIssue({ code: "custom", path: ["due_time"], message: "needs a due_date" });
  if (body.recurrence != null) ctx.addIssue({ code: "custom", path: ["recurrence"], message: "needs a due_date" });
}

export const TaskCreateSchema = z
  .strictObject({
    title: TitleSchema,
    description: DescriptionSchema.optional(),
    completed: CompletedSchema.optional(),
    ...organiseFields,
  })
  .superRefine((body, ctx) => needsDueDate(body, ctx, false))
  .meta({ id: "TaskCreate", example: { title: "Buy milk", due_date: "2026-12-24", priority: 2, labels: ["errands"] } });

/** PUT: every field optional; fields not sent stay as they were; clearing due_date clears due_time. */
export const TaskUpdateSchema = z
  .strictObject({
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
    completed: CompletedSchema.optional(),
    ...organiseFields,
  })
  .superRefine((body, ctx) => needsDueDate(body, ctx, true))
  .meta({ id: "TaskUpdate", example: { priority: 1, due_date: null } });

/** PATCH .../complete: no body toggles; a body sets the value (idempotent). */
export const TaskCompleteSchema = z.strictObject({ completed: CompletedSchema }).meta({ id: "TaskComplete" });

export const TaskStatusSchema = z.enum(["all", "pending", "completed"]);

/** Fields the server owns: sending them is refused with a message that says so. */
export const SERVER_OWNED_FIELDS = [
  "id",
  "user_id",
  "created_at",
  "updated_at",
  "completed_at",
  "position",
  "version",
  "recurring_task_id",
  "deleted_at",
  "open_count",
] as const;

export type Task = z.infer<typeof TaskSchema>;
export type TrashItem = z.infer<typeof TrashItemSchema>;
export type TaskCreate = z.infer<typeof TaskCreateSchema>;
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;
export type TaskStatus = z.infer<typeof TaskStatusSchema>;
