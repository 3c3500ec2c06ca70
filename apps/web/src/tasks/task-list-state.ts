import type { Task } from "@todo/contract";

/** The list as the interface shows it: server tasks plus optimistic changes not yet confirmed. */
export interface ListState {
  phase: "loading" | "ready" | "failed";
  tasks: Task[];
  /** Tasks created optimistically and not yet confirmed by the API (no real id yet). */
  unsaved: ReadonlySet<string>;
  /** The server's message next to the task whose change it refused. */
  rowErrors: Readonly<Record<string, string>>;
}

export type ListAction =
  | { type: "loading" }
  | { type: "loaded"; tasks: Task[] }
  | { type: "load-failed" }
  | { type: "insert"; task: Task; index?: number; unsaved?: boolean }
  | { type: "replace"; id: string; task: Task }
  | { type: "remove"; id: string }
  | { type: "row-error"; id: string; message: string | null };

export const initialListState: ListState = { phase: "loading", tasks: [], unsaved: new Set(), rowErrors: {} };

const newestFirst = (a: Task, b: Task) => b.created_at.localeCompare(a.created_at);

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case "loading":
      return { ...state, phase: state.phase === "ready" ? "ready" : "loading" };
    case "loaded": {
      // A task still being created keeps its place on top until the API confirms it.
      const pending = state.tasks.filter((t) => state.unsaved.has(t.id));
      return {
        phase: "ready",
        tasks: [...pending, ...[...action.tasks].sort(newestFirst)],
        unsaved: state.unsaved,
        rowErrors: {},
      };
    }
    case "load-failed":
      return { ...state, phase: state.phase === "ready" ? "ready" : "failed" };
    case "insert": {
      const tasks = state.tasks.filter((t) => t.id !== action.task.id);
      const at = Math.min(Math.max(action.index ?? 0, 0), tasks.length);
      tasks.splice(at, 0, action.task);
      const unsaved = new Set(state.unsaved);
      if (action.unsaved) unsaved.add(action.task.id);
      return { ...state, tasks, unsaved };
    }
    case "replace": {
      const unsaved = new Set(state.unsaved);
      unsaved.delete(action.id);
      return {
        ...state,
        tasks: state.tasks.map((t) => (t.id === action.id ? action.task : t)),
        unsaved,
        rowErrors: withoutKey(state.rowErrors, action.id),
      };
    }
    case "remove": {
      const unsaved = new Set(state.unsaved);
      unsaved.delete(action.id);
      return {
        ...state,
        tasks: state.tasks.filter((t) => t.id !== action.id),
        unsaved,
        rowErrors: withoutKey(state.rowErrors, action.id),
      };
    }
    case "row-error":
      return {
        ...state,
        rowErrors:
          action.message === null
            ? withoutKey(state.rowErrors, action.id)
            : { ...state.rowErrors, [action.id]: action.message },
      };
  }
}

export type Filter = "all" | "active" | "completed";

export function parseFilter(value: string | null | undefined): Filter {
  return value === "active" || value === "completed" ? value : "all";
}

export function visibleTasks(tasks: Task[], filter: Filter): Task[] {
  if (filter === "active") return tasks.filter((t) => !t.completed);
  if (filter === "completed") return tasks.filter((t) => t.completed);
  return tasks;
}

export function tasksLeftLabel(tasks: Task[]): string {
  const left = tasks.filter((t) => !t.completed).length;
  return `${left} ${left === 1 ? "task" : "tasks"} left`;
}
