import type { Task } from "../tasks/model";
import type { Pending } from "./outbox";

/**
 * A view's tasks as the person left them: the server's copy with the changes still queued
 * applied on top, so a refetch or a reload never makes a waiting change look undone.
 */
export function withPending(tasks: Task[], entries: readonly Pending[], viewKey: string): Task[] {
  if (entries.length === 0) return tasks;
  let out = tasks;
  for (const entry of entries) {
    if (entry.op === "create") {
      if (entry.viewKey === viewKey && !out.some((t) => t.id === entry.taskId)) out = [entry.draft, ...out];
    } else if (entry.op === "delete") {
      out = out.filter((t) => t.id !== entry.taskId);
    } else {
      out = out.map((t) => (t.id === entry.taskId ? ({ ...t, ...shownBody(t, entry.body) } as Task) : t));
    }
  }
  return out;
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

/** What the person's change would make of the task (the "yours" column of a conflict). */
export function yoursOf(entry: Pending): Task | null {
  if (entry.op === "delete") return null;
  if (entry.op === "create") return entry.draft;
  return entry.before ? ({ ...entry.before, ...entry.body } as Task) : null;
}
