import { EXPORT_CSV_COLUMNS } from "@todo/contract";
import { csvRecords } from "./csv-records.ts";
import { cell, emptyPlan, type ImportPlan } from "./draft.ts";

const BOOLEAN: Record<string, boolean> = { true: true, false: false };

/**
 * Our own CSV export (contract section 10). `created_at` and `completed_at` are the server's
 * and are not read back; a value that is not what the export writes is passed on as it is,
 * so the field rules name it (422) instead of a guess.
 */
export function parseOurCsv(text: string): ImportPlan {
  const plan = emptyPlan();
  const { header, records, errors } = csvRecords(text);
  plan.errors.push(...errors);
  if (errors.length) return plan;
  if (!header.includes("title")) {
    plan.errors.push({ field: "line 1", message: `needs the columns ${EXPORT_CSV_COLUMNS.join(", ")}` });
    return plan;
  }
  for (const { line, values } of records) {
    const fields: Record<string, unknown> = { title: values.title ?? "" };
    const description = cell(values.description);
    if (description !== undefined) fields.description = values.description;
    const completed = cell(values.completed);
    if (completed !== undefined) fields.completed = BOOLEAN[completed.toLowerCase()] ?? completed;
    const priority = cell(values.priority);
    if (priority !== undefined) fields.priority = /^\d+$/.test(priority) ? Number(priority) : priority;
    for (const key of ["due_date", "due_time", "recurrence"] as const) {
      const value = cell(values[key]);
      if (value !== undefined) fields[key] = value;
    }
    const labels = cell(values.labels);
    if (labels !== undefined) fields.labels = labels.split(/\s+/u);
    plan.tasks.push({ line, where: `line ${line}`, list: cell(values.list) ?? null, fields });
  }
  return plan;
}
