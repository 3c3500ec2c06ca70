import { z } from "zod";
import { TaskSchema, TrashItemSchema } from "./task.ts";
import {
  DueDateSchema,
  DueTimeSchema,
  LabelNameSchema,
  LabelsSchema,
  ListIdSchema,
  PrioritySchema,
} from "./task-fields.ts";

/** Manual order and bulk changes (contract section 6.5). */
export const BULK_MAX = 500;

export const TaskMoveSchema = z
  .strictObject({
    list_id: ListIdSchema.optional(),
    before: z.string({ error: "must be a task id" }).optional(),
    after: z.string({ error: "must be a task id" }).optional(),
  })
  .meta({ id: "TaskMove", example: { before: "6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10" } });

const Ids = z
  .array(z.string({ error: "must be task ids" }), { error: "must be an array of task ids" })
  .min(1, { message: "must name at least one task" })
  .max(BULK_MAX, { message: `must name at most ${BULK_MAX} tasks` })
  .transform((ids) => [...new Set(ids)]);

export const BulkSetSchema = z
  .strictObject({
    priority: PrioritySchema.optional(),
    due_date: DueDateSchema.nullable().optional(),
    due_time: DueTimeSchema.nullable().optional(),
    labels_add: LabelsSchema.optional(),
    labels_remove: z.array(LabelNameSchema).max(20).optional(),
  })
  .refine((s) => Object.keys(s).length > 0, { message: "must set at least one field" })
  .refine((s) => !(s.due_date === null && s.due_time != null), {
    message: "due_time needs a due_date",
    path: ["due_time"],
  });

/** Bulk's If-Match: task id -> the version the client saw (contract 8, ADR 0050). */
const IfVersions = z
  .record(z.string(), z.number().int().min(1))
  .optional()
  .meta({
    description:
      "Optional preconditions: task id -> the `version` the change was made against. When any listed task " +
      "has another version now: 412, `current` holds those tasks, and nothing changes.",
    example: { "6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10": 3 },
  });
const bulkBase = { ids: Ids, if_versions: IfVersions };

export const TaskBulkSchema = z
  .discriminatedUnion(
    "action",
    [
      z.strictObject({ ...bulkBase, action: z.literal("complete") }),
      z.strictObject({ ...bulkBase, action: z.literal("reopen") }),
      z.strictObject({ ...bulkBase, action: z.literal("delete") }),
      z.strictObject({ ...bulkBase, action: z.literal("restore") }),
      z.strictObject({ ...bulkBase, action: z.literal("move"), list_id: ListIdSchema }),
      z.strictObject({ ...bulkBase, action: z.literal("update"), set: BulkSetSchema }),
    ],
    { error: "must be one of complete, reopen, delete, restore, move, update" },
  )
  .meta({
    id: "TaskBulk",
    example: { ids: ["6f1c8a4e-2b1d-4c3e-9a5f-0d2e7b8c9a10"], action: "update", set: { priority: 1 } },
  });

export const TaskBulkResultSchema = z
  .object({
    count: z.number().int().meta({ example: 1 }),
    tasks: z.array(z.union([TrashItemSchema, TaskSchema])).meta({
      description: "The tasks after the change; for `delete`, the trash items (with `deleted_at`).",
    }),
  })
  .meta({ id: "TaskBulkResult" });

export type TaskMove = z.infer<typeof TaskMoveSchema>;
export type TaskBulk = z.infer<typeof TaskBulkSchema>;
export type TaskBulkAction = TaskBulk["action"];
export type BulkSet = z.infer<typeof BulkSetSchema>;
export type TaskBulkResult = z.infer<typeof TaskBulkResultSchema>;
