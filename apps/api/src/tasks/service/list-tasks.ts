import type { Task, TaskStatus } from "@todo/contract";
import type { Database } from "@todo/db";
import type { Kysely } from "kysely";
import { TASK_COLUMNS, toTaskJson } from "./task-json.ts";

export async function listTasks(
  db: Kysely<Database>,
  { userId, status }: { userId: string; status: TaskStatus },
): Promise<Task[]> {
  let query = db.selectFrom("task").select(TASK_COLUMNS).where("user_id", "=", userId);
  if (status !== "all") query = query.where("completed", "=", status === "completed");
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").execute();
  return rows.map(toTaskJson);
}
