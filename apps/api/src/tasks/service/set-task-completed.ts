import type { Task } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { updateOwnedTask } from "./update-owned-task.ts";

/**
 * `completed: undefined` toggles; a boolean sets it (idempotent). The toggle is
 * one UPDATE (`not completed`), so two concurrent toggles never read stale state.
 */
export function setTaskCompleted(
  db: Kysely<Database>,
  { id, userId, completed }: { id: string; userId: string; completed: boolean | undefined },
): Promise<Task> {
  return updateOwnedTask(
    db,
    { id, userId },
    {
      completed: completed === undefined ? sql<boolean>`not "completed"` : completed,
      // Setting the value it already has is a no-op, so repeating the call changes nothing.
      updated_at:
        completed === undefined
          ? sql<Date>`now()`
          : sql<Date>`case when "completed" = ${completed} then "updated_at" else now() end`,
    },
  );
}
