import { z } from "zod";
import { TaskStatusSchema } from "./task.ts";
import { DueDateSchema, isUuid, LabelNameSchema } from "./task-fields.ts";
import { TimeZoneSchema } from "./time-zone.ts";

/** `GET /tasks` parameters (contract section 6.4). Unknown parameters are ignored. */
export const PAGE_LIMIT_DEFAULT = 100;
export const PAGE_LIMIT_MAX = 200;

export const TaskSortSchema = z.enum(["created", "updated", "due", "priority", "title", "manual"]);
export const DueFilterSchema = z.enum(["overdue", "today", "upcoming", "none", "scheduled"]);

export const TaskQuerySchema = z.object({
  status: TaskStatusSchema.default("all").meta({ description: "Filter by completion." }),
  list_id: z
    .string()
    .refine((v) => v === "inbox" || isUuid(v), { message: "must be a list id or inbox" })
    .optional()
    .meta({ description: "A list id, or `inbox`." }),
  label: LabelNameSchema.optional().meta({ description: "Tasks carrying this label (case-insensitive)." }),
  priority: z
    .enum(["1", "2", "3", "4"], { error: "must be 1, 2, 3 or 4" })
    .transform(Number)
    .optional()
    .meta({ description: "1..4" }),
  due: DueFilterSchema.optional().meta({
    description: "`overdue` leaves completed tasks out by itself; `status` does the rest.",
  }),
  due_from: DueDateSchema.optional().meta({ description: "Inclusive lower bound on due_date." }),
  due_to: DueDateSchema.optional().meta({ description: "Inclusive upper bound on due_date." }),
  q: z
    .string()
    .max(200, { message: "must be at most 200 characters" })
    .optional()
    .meta({ description: "Every word in title or description, ignoring case and accents; last word as a prefix." }),
  sort: TaskSortSchema.default("created").meta({ description: "Order of the results." }),
  tz: TimeZoneSchema.optional().meta({
    description: "IANA zone for today/overdue/upcoming; default your saved zone, else UTC.",
    example: "Europe/Paris",
  }),
  limit: z.coerce
    .number({ error: `must be an integer from 1 to ${PAGE_LIMIT_MAX}` })
    .int({ message: `must be an integer from 1 to ${PAGE_LIMIT_MAX}` })
    .min(1, { message: `must be an integer from 1 to ${PAGE_LIMIT_MAX}` })
    .max(PAGE_LIMIT_MAX, { message: `must be an integer from 1 to ${PAGE_LIMIT_MAX}` })
    .default(PAGE_LIMIT_DEFAULT)
    .meta({ description: "Page size." }),
  cursor: z.string().max(2000).optional().meta({ description: "From the previous page's Link header; opaque." }),
});

/** Trash pages: newest deletion first. */
export const TrashQuerySchema = TaskQuerySchema.pick({ limit: true, cursor: true });

export type TaskSort = z.infer<typeof TaskSortSchema>;
export type DueFilter = z.infer<typeof DueFilterSchema>;
export type TaskQuery = z.infer<typeof TaskQuerySchema>;
export type TaskQueryInput = z.input<typeof TaskQuerySchema>;
