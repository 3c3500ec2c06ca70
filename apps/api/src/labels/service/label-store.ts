import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { AppError } from "../../errors/app-error.ts";
import { labelKey } from "../../tasks/store/task-labels.ts";
import { writeTasks } from "../../tasks/store/task-write.ts";

type Db = Kysely<Database>;

export const labelNotFound = () => new AppError("NOT_FOUND", "You have no label with that name.");

/** The user's label of that name (ignoring case) and the tasks carrying it; 404 when unknown. */
export async function findLabel(db: Db, userId: string, name: string) {
  const label = await db
    .selectFrom("label")
    .select(["id", "name"])
    .where("user_id", "=", userId)
    .where("name_key", "=", labelKey(name))
    .executeTakeFirst();
  if (!label) throw labelNotFound();
  const tasks = await db.selectFrom("task_label").select("task_id").where("label_id", "=", label.id).execute();
  return { ...label, taskIds: tasks.map((t) => t.task_id) };
}

/** A label change is a change of every task carrying it: each gets a new version, trashed ones too. */
export async function touchTasks(db: Db, userId: string, taskIds: string[]) {
  await writeTasks(db, { userId, ids: taskIds }, {});
  await writeTasks(db, { userId, ids: taskIds, trashed: true }, {});
}
