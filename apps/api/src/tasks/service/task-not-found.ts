import { AppError } from "../../errors/app-error.ts";

/** Same answer for "never existed" and "someone else's": existence never leaks. */
export const taskNotFound = () => new AppError("NOT_FOUND", "There is no task with that id in your list.");
