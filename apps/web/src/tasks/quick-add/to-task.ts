import type { TaskCreate } from "@todo/contract";
import type { QuickAdd } from "@todo/quick-add";

/**
 * The task a parsed line creates in the current view: what was typed wins, the view fills the
 * rest (a list view's list, the Today view's date), and a label view's label is added to the
 * typed ones.
 */
export function toTaskCreate(
  parsed: Omit<QuickAdd, "tokens">,
  title: string,
  description: string | null,
  defaults: Partial<Pick<TaskCreate, "list_id" | "labels" | "due_date">>,
): TaskCreate {
  const labels = [...new Set([...(defaults.labels ?? []), ...parsed.labels])];
  return {
    title,
    ...(description ? { description } : {}),
    ...(parsed.priority !== 4 ? { priority: parsed.priority } : {}),
    ...(labels.length ? { labels } : {}),
    list_id: parsed.list_id ?? defaults.list_id ?? null,
    due_date: parsed.due_date ?? defaults.due_date ?? null,
    due_time: parsed.due_time,
    recurrence: parsed.recurrence,
  };
}
