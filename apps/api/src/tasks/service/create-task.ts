import type { Task, TaskCreate } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { TASK_COLUMNS, toTaskJson } from "./task-json.ts";
import { assertTaskQuota } from "./task-quota.ts";

export async function createTask(
  db: Kysely<Database>,
  { userId, input }: { userId: string; input: TaskCreate },
): Promise<Task> {
  return db.transaction().execute(async (trx) => {
    await assertTaskQuota(trx, userId);
    const row = await trx
      .insertInto("task")
      .values({
        user_id: userId,
        title: input.title,
        description: input.description ?? null,
        completed: input.completed ?? false,
      })
      .returning(TASK_COLUMNS)
      .executeTakeFirstOrThrow();
    return toTaskJson(row);
  });
}
