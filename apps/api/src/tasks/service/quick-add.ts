import { type QuickAddInput, type QuickAddParse, type Task, TaskCreateSchema } from "@todo/contract";
import type { Database } from "@todo/db";
import { parseQuickAdd } from "@todo/quick-add";
import type { Kysely } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { savedZone } from "../store/user-zone.ts";
import { createTask } from "./create-task.ts";

/**
 * Contract 7.1 through the shared parser (the web runs the same one while the person types).
 * `#Name` is matched only against this user's lists: the query is owner-scoped.
 */
export async function parseTaskText(
  db: Kysely<Database>,
  { userId, input, now }: { userId: string; input: QuickAddInput; now: Date },
): Promise<QuickAddParse> {
  const timeZone = input.tz ?? (await savedZone(db, userId));
  const lists = await db.selectFrom("list").select(["id", "name"]).where("user_id", "=", userId).execute();
  return parseQuickAdd(input.text, { now, timeZone, lists, ...(input.literal ? { literal: input.literal } : {}) });
}

const invalidText = (message: string) =>
  new AppError("VALIDATION", `The request body is invalid: text ${message}.`, { errors: [{ field: "text", message }] });

/** Creates the task the parse describes, with the same field rules as `POST .../tasks`. */
export async function quickAddTask(
  db: Kysely<Database>,
  args: { userId: string; input: QuickAddInput; now: Date },
): Promise<Task> {
  const { tokens: _, ...fields } = await parseTaskText(db, args);
  if (fields.title.trim() === "") {
    throw invalidText("has no title left once its date, time, priority, labels, list and rule are taken out");
  }
  const checked = TaskCreateSchema.safeParse(fields);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw invalidText(`gives a ${issue?.path.join(".") || "task"} that ${issue?.message ?? "is invalid"}`);
  }
  return createTask(db, { userId: args.userId, input: checked.data });
}
