import { type FieldError, ListColorSchema, ListNameSchema, type TaskCreate, TaskCreateSchema } from "@todo/contract";
import { AppError } from "../../errors/app-error.ts";
import type { ImportPlan } from "../parse/draft.ts";

/** Enough to fix a file; a 50,000-line file of errors would be a second problem. */
const MAX_ERRORS = 50;

export interface CheckedTask {
  line: number;
  /** Case-insensitive list key (null = Inbox) and the spelling the file used first. */
  list: string | null;
  input: TaskCreate;
}

export interface CheckedPlan {
  /** Lists by key, with the spelling and colour to create them with. */
  lists: Map<string, { name: string; color: string | null }>;
  tasks: CheckedTask[];
}

const key = (name: string) => name.toLowerCase();

/**
 * Every value of the file through the contract's own field rules (the ones create uses), all
 * of them before anything is written: any failure is one 422 naming each line, nothing stored.
 */
export function checkPlan(plan: ImportPlan): CheckedPlan {
  const errors: FieldError[] = [...plan.errors];
  const lists = new Map<string, { name: string; color: string | null }>();
  const addList = (raw: string, color: unknown, where: string) => {
    const name = ListNameSchema.safeParse(raw);
    const colour = ListColorSchema.safeParse(color ?? null);
    if (!name.success) errors.push({ field: `${where}: list`, message: name.error.issues[0]?.message ?? "is invalid" });
    if (!colour.success)
      errors.push({ field: `${where}: color`, message: colour.error.issues[0]?.message ?? "is invalid" });
    if (!name.success || !colour.success) return undefined;
    const k = key(name.data);
    if (!lists.has(k)) lists.set(k, { name: name.data, color: colour.data });
    return k;
  };
  for (const l of plan.lists) addList(l.name, l.color, l.where);
  const tasks: CheckedTask[] = [];
  for (const draft of plan.tasks) {
    const list = draft.list === null ? null : addList(draft.list, undefined, draft.where);
    const parsed = TaskCreateSchema.safeParse(draft.fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ field: `${draft.where}: ${issue.path.join(".") || "task"}`, message: issue.message });
      }
      continue;
    }
    if (list !== undefined) tasks.push({ line: draft.line, list, input: parsed.data });
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    const more = errors.length > MAX_ERRORS ? ` (and ${errors.length - MAX_ERRORS} more)` : "";
    const summary = shown
      .slice(0, 5)
      .map((e) => `${e.field} ${e.message}`)
      .join("; ");
    throw new AppError("VALIDATION", `Nothing was imported: ${summary}${more}.`, { errors: shown });
  }
  return { lists, tasks };
}
