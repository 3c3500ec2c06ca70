import type { BulkAction } from "../tasks/api-client";
import type { Task, TaskListInfo } from "../tasks/model";
import type { Back, Pending } from "./ops";

/**
 * A view's tasks as the person left them: the server's copy with the changes still queued
 * applied on top, so a refetch or a reload never makes a waiting change look undone.
 */
export function withPending(tasks: Task[], entries: readonly Pending[], viewKey: string): Task[] {
  if (entries.length === 0) return tasks;
  let out = tasks;
  for (const entry of entries) {
    switch (entry.op) {
      case "create":
        if (entry.viewKey === viewKey && !out.some((t) => t.id === entry.taskId)) out = [entry.draft, ...out];
        break;
      case "delete":
        out = out.filter((t) => t.id !== entry.taskId);
        break;
      case "update":
      case "complete":
        out = out.map((t) => (t.id === entry.taskId ? ({ ...t, ...shownBody(t, entry.body) } as Task) : t));
        break;
      case "move":
        out = moved(out, entry.taskId, entry.body);
        break;
      case "restore":
        out = putBack(out, entry.back, viewKey);
        break;
      case "bulk":
        out = entry.body.action === "restore" ? putBack(out, entry.back ?? [], viewKey) : bulkOn(out, entry);
        break;
    }
  }
  return out;
}

/** A waiting move shows where it was dropped: next to its neighbour, when that is in this view. */
export function moved(tasks: Task[], id: string, to: { before?: string; after?: string }): Task[] {
  const task = tasks.find((t) => t.id === id);
  const anchor = to.before ?? to.after;
  if (!task || !anchor) return tasks;
  const rest = tasks.filter((t) => t !== task);
  const at = rest.findIndex((t) => t.id === anchor);
  if (at < 0) return tasks;
  return [...rest.slice(0, to.before ? at : at + 1), task, ...rest.slice(to.before ? at : at + 1)];
}

/** A waiting restore puts the task back where it stood in this view when it was deleted. */
export function putBack(tasks: Task[], back: readonly Back[], viewKey: string): Task[] {
  let out = tasks;
  for (const { task, at } of back) {
    const index = at[viewKey];
    if (index === undefined || out.some((t) => t.id === task.id)) continue;
    out = [...out.slice(0, index), task, ...out.slice(index)];
  }
  return out;
}

function bulkOn(tasks: Task[], entry: Pending & { op: "bulk" }): Task[] {
  const ids = new Set(Object.keys(entry.bases));
  if (entry.body.action === "delete") return tasks.filter((t) => !ids.has(t.id));
  return tasks.map((t) => (ids.has(t.id) ? bulkApplied(t, entry.body) : t));
}

/** One task as a bulk action shows it at once. */
export const bulkApplied = (task: Task, action: BulkAction): Task =>
  ({ ...task, ...shownBody(task, bulkFields(task, action)) }) as Task;

/** What a bulk action does to one task's fields, as far as the browser can tell. */
export function bulkFields(task: Task, action: BulkAction): Partial<Task> {
  switch (action.action) {
    case "complete":
      return { completed: true };
    case "reopen":
      return { completed: false };
    case "move":
      return { list_id: action.list_id };
    case "update": {
      const { labels_add = [], labels_remove = [], ...rest } = action.set;
      const labels = [...task.labels, ...labels_add.filter((l) => !task.labels.includes(l))].filter(
        (l) => !labels_remove.includes(l),
      );
      return { ...rest, labels } as Partial<Task>;
    }
    default:
      return {};
  }
}

/**
 * A waiting completion of an open recurring task is not shown as a tick: the server moves the
 * series to its next date instead (ADR 0133), so the row keeps waiting for that answer.
 */
function shownBody(task: Task, body: Partial<Task>): Partial<Task> {
  if (task.recurrence && !task.completed && body.completed === true) {
    const { completed: _, ...rest } = body;
    return rest;
  }
  return body;
}

/** The lists as the person left them: new, renamed and deleted ones still waiting show so. */
export function withPendingLists(lists: TaskListInfo[], entries: readonly Pending[]): TaskListInfo[] {
  let out = lists;
  for (const entry of entries) {
    if (entry.op === "list-create" && !out.some((l) => l.id === entry.taskId)) out = [...out, entry.draft];
    else if (entry.op === "list-update") out = out.map((l) => (l.id === entry.taskId ? { ...l, ...entry.body } : l));
    else if (entry.op === "list-delete") out = out.filter((l) => l.id !== entry.taskId);
  }
  return out;
}

/** Trashed tasks whose restore is still waiting are no longer shown in the trash. */
export function restoring(entries: readonly Pending[]): Set<string> {
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.op === "restore") ids.add(e.taskId);
    if (e.op === "bulk" && e.body.action === "restore") for (const id of Object.keys(e.bases)) ids.add(id);
  }
  return ids;
}
