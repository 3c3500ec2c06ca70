import { EXPORT_FORMAT, EXPORT_VERSION } from "@todo/contract";
import { emptyPlan, type ImportPlan } from "./draft.ts";

const TASK_FIELDS = ["title", "description", "completed", "due_date", "due_time", "priority", "labels", "recurrence"];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Our own JSON export (contract section 10). Only the writable fields are read back; a task's
 * `list_id` is resolved through the file's own lists, so lists travel by name.
 */
export function parseOurJson(text: string): ImportPlan {
  const plan = emptyPlan();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    plan.errors.push({ field: "file", message: `is not valid JSON (${(error as Error).message})` });
    return plan;
  }
  if (!isObject(doc) || doc.format !== EXPORT_FORMAT || doc.version !== EXPORT_VERSION) {
    plan.errors.push({ field: "file", message: `is not a ${EXPORT_FORMAT} version ${EXPORT_VERSION} file` });
    return plan;
  }
  const lists = Array.isArray(doc.lists) ? doc.lists : [];
  const tasks = Array.isArray(doc.tasks) ? doc.tasks : [];
  const listNames = new Map<string, string>();
  lists.forEach((list, i) => {
    if (!isObject(list) || typeof list.name !== "string") {
      plan.errors.push({ field: `lists[${i}].name`, message: "is required" });
      return;
    }
    if (typeof list.id === "string") listNames.set(list.id, list.name);
    plan.lists.push({
      name: list.name,
      color: (list.color as string | null | undefined) ?? null,
      where: `lists[${i}]`,
    });
  });
  tasks.forEach((task, i) => {
    const where = `tasks[${i}]`;
    if (!isObject(task)) {
      plan.errors.push({ field: where, message: "must be an object" });
      return;
    }
    const fields = Object.fromEntries(TASK_FIELDS.filter((k) => task[k] !== undefined).map((k) => [k, task[k]]));
    let list: string | null = null;
    if (typeof task.list_id === "string") {
      list = listNames.get(task.list_id) ?? null;
      if (list === null) plan.errors.push({ field: `${where}.list_id`, message: "is not one of the file's lists" });
    }
    plan.tasks.push({ line: i + 1, where, list, fields });
  });
  return plan;
}
