import type { FieldError, SkippedLine } from "@todo/contract";

/** One task as a file describes it, before the field rules have looked at it. */
export interface TaskDraft {
  /** Where the file says it: a CSV line, or a JSON task's index + 1. */
  line: number;
  /** How errors name it: `line 7` or `tasks[6]`. */
  where: string;
  /** The list's name; null = the Inbox. */
  list: string | null;
  /** The task's writable fields, exactly as TaskCreate takes them. */
  fields: Record<string, unknown>;
}

export interface ListDraft {
  name: string;
  color?: string | null;
  where: string;
}

/** What a parser makes of a file: nothing is checked against the account yet. */
export interface ImportPlan {
  lists: ListDraft[];
  tasks: TaskDraft[];
  skipped: SkippedLine[];
  /** Problems of the file's shape (a row too short, an unknown TYPE): any of them is a 422. */
  errors: FieldError[];
}

export const emptyPlan = (): ImportPlan => ({ lists: [], tasks: [], skipped: [], errors: [] });

/** An empty CSV cell means "not set". */
export const cell = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v ? v : undefined;
};
