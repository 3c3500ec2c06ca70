import { z } from "zod";
import { ListSchema } from "./list.ts";
import { TaskSchema } from "./task.ts";

/** Export and import (contract section 10): the one place their formats and answers are written. */
export const EXPORT_FORMAT = "todo-export";
export const EXPORT_VERSION = 1;
/** The import body limit; every other route keeps its own (64 KiB for the API). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The CSV columns, in this order (contract section 10). */
export const EXPORT_CSV_COLUMNS = [
  "title",
  "description",
  "completed",
  "list",
  "labels",
  "priority",
  "due_date",
  "due_time",
  "recurrence",
  "created_at",
  "completed_at",
] as const;

export const ExportQuerySchema = z.object({
  format: z
    .enum(["json", "csv"], { error: "must be json or csv" })
    .default("json")
    .meta({ description: "`json` (every field) or `csv` (one row per task)." }),
});

export const ImportQuerySchema = z.object({
  format: z
    .enum(["json", "csv", "todoist"], { error: "must be json, csv or todoist" })
    .meta({ description: "Our own `json` or `csv` export, or Todoist's CSV (`todoist`)." }),
  dry_run: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true")
    .meta({ description: "`true`: answer what would happen and change nothing." }),
});

export const ExportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exported_at: z.string(),
    lists: z.array(ListSchema),
    tasks: z.array(TaskSchema),
  })
  .meta({ id: "ExportDocument" });

export const SkippedLineSchema = z.object({
  line: z.number().int().meta({ description: "1-based line of the file (JSON: the task's index + 1).", example: 7 }),
  reason: z.string().meta({ example: "a Todoist section has no place here" }),
});

export const ImportResultSchema = z
  .object({
    lists_created: z.number().int().meta({ example: 2 }),
    tasks_created: z.number().int().meta({ example: 40 }),
    skipped: z.array(SkippedLineSchema),
  })
  .meta({ id: "ImportResult" });

export type ExportFormat = z.infer<typeof ExportQuerySchema>["format"];
export type ImportFormat = z.infer<typeof ImportQuerySchema>["format"];
export type ImportResult = z.infer<typeof ImportResultSchema>;
export type SkippedLine = z.infer<typeof SkippedLineSchema>;
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
