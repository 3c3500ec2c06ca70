import { isCalendarDay, isTimeZone } from "@todo/contract";
import { parseQuickAdd } from "@todo/quick-add";
import { csvRecords } from "./csv-records.ts";
import { cell, emptyPlan, type ImportPlan } from "./draft.ts";

export interface TodoistOptions {
  /** The project's name (Todoist writes one project per file): the uploaded file's name. */
  listName: string | null;
  /** For relative DATE values ("tomorrow", "every monday") when the row has no TIMEZONE. */
  timeZone: string;
  now: Date;
}

const LABEL = /(^|\s)@([^\s@#]+)/gu;
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/;

/** `@labels` inside CONTENT (Todoist's help): out of the title, into labels. */
function splitContent(content: string): { title: string; labels: string[] } {
  const labels = [...content.matchAll(LABEL)].map((m) => m[2] as string);
  const title = content.replace(LABEL, " ").replace(/\s+/gu, " ").trim();
  return { title, labels };
}

/**
 * A Todoist DATE: ISO (`2026-12-24`, `2026-12-24 17:00`) or the English phrases Todoist
 * writes ("tomorrow", "every monday"), read by our own quick-add grammar; the whole text
 * must be understood, or the date is not taken.
 */
function readDate(text: string, lang: string | undefined, timeZone: string, now: Date) {
  const iso = ISO.exec(text);
  if (iso && isCalendarDay(iso[1] as string))
    return { due_date: iso[1] as string, due_time: iso[2] ?? null, recurrence: null };
  if (lang && lang.toLowerCase() !== "en") return undefined;
  const parsed = parseQuickAdd(text, { now, timeZone });
  if (parsed.title.trim() !== "" || parsed.due_date === null) return undefined;
  return { due_date: parsed.due_date, due_time: parsed.due_time, recurrence: parsed.recurrence };
}

/**
 * Todoist's CSV export/template (TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR,
 * RESPONSIBLE, DATE, DATE_LANG, TIMEZONE, …). PRIORITY 1 is p1 and an empty cell is p1, as its
 * help page says. Sections and notes have no place here: skipped and reported. INDENT (sub-tasks)
 * is flattened: the task is kept, its nesting is not.
 */
export function parseTodoistCsv(text: string, options: TodoistOptions): ImportPlan {
  const plan = emptyPlan();
  const { header, records, errors } = csvRecords(text);
  plan.errors.push(...errors);
  if (errors.length) return plan;
  if (!header.includes("TYPE") || !header.includes("CONTENT")) {
    plan.errors.push({ field: "line 1", message: "is not a Todoist CSV header (needs TYPE and CONTENT)" });
    return plan;
  }
  if (options.listName) plan.lists.push({ name: options.listName, where: "file name" });
  for (const { line, values } of records) {
    const type = cell(values.TYPE);
    if (type === undefined && Object.values(values).every((v) => !v.trim())) continue;
    if (type === "section") {
      plan.skipped.push({ line, reason: `section "${values.CONTENT ?? ""}": sections have no place here` });
      continue;
    }
    if (type === "note") {
      plan.skipped.push({ line, reason: "note (a comment on the task above): comments have no place here" });
      continue;
    }
    if (type !== "task") {
      plan.errors.push({ field: `line ${line}: TYPE`, message: "must be task, section or note" });
      continue;
    }
    const { title, labels } = splitContent(values.CONTENT ?? "");
    const fields: Record<string, unknown> = { title, labels };
    if (cell(values.DESCRIPTION)) fields.description = values.DESCRIPTION;
    const priority = cell(values.PRIORITY) ?? "1";
    fields.priority = /^\d+$/.test(priority) ? Number(priority) : priority;
    const date = cell(values.DATE);
    if (date !== undefined) {
      const zone = cell(values.TIMEZONE);
      const due = readDate(
        date,
        cell(values.DATE_LANG),
        zone && isTimeZone(zone) ? zone : options.timeZone,
        options.now,
      );
      if (due) Object.assign(fields, due);
      else
        plan.skipped.push({ line, reason: `DATE "${date}" not understood: the task is imported without a due date` });
    }
    plan.tasks.push({ line, where: `line ${line}`, list: options.listName, fields });
  }
  return plan;
}
