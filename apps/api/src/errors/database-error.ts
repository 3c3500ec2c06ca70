import { AppError } from "./app-error.ts";

/**
 * Rules PostgreSQL enforces itself (ownership through a foreign key, uniqueness, field
 * pairs), answered in the contract's words. Letting the constraint decide inside the
 * write avoids a read-then-write race and a separate "does this list exist" query.
 */
const BY_CONSTRAINT: Record<string, () => AppError> = {
  task_list_fk: () => field("list_id", "is not one of your lists"),
  task_due_time_needs_date: () => field("due_time", "needs a due_date"),
  task_recurrence_needs_date: () => field("recurrence", "needs a due_date"),
  list_user_name_key: () => new AppError("CONFLICT", "You already have a list with that name (ignoring case)."),
};

function field(name: string, message: string): AppError {
  return new AppError("VALIDATION", `The request body is invalid: ${name} ${message}.`, {
    errors: [{ field: name, message }],
  });
}

export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== "string" || typeof constraint !== "string") return undefined;
  // 23503 foreign key, 23505 unique, 23514 check.
  if (!["23503", "23505", "23514"].includes(code)) return undefined;
  return BY_CONSTRAINT[constraint]?.();
}
