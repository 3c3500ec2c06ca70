import { isUuid } from "@todo/contract";
import { AppError } from "../../errors/app-error.ts";

/** Same answer for "never existed", "someone else's" and "in the trash": existence never leaks. */
export const taskNotFound = () => new AppError("NOT_FOUND", "There is no task with that id in your list.");

// A syntactically invalid id cannot name any task: answer 404 without asking PostgreSQL
// (which would otherwise raise on the uuid cast).
export function assertTaskId(id: string): void {
  if (!isUuid(id)) throw taskNotFound();
}
