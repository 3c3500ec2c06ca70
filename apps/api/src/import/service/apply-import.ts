import type { ImportResult, SkippedLine } from "@todo/contract";
import type { Database } from "@todo/db";
import { generateNKeysBetween } from "fractional-indexing";
import type { Kysely } from "kysely";
import { lockListPositions } from "../../lists/service/list-store.ts";
import { endPositions, lockPositions } from "../../tasks/store/positions.ts";
import { assertTaskQuota } from "../../tasks/store/task-quota.ts";
import { insertTask } from "../../tasks/store/task-write.ts";
import type { CheckedPlan } from "./check-plan.ts";

/** Thrown to roll a dry run back once its answer is known. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run");
  }
}

/**
 * The whole import in one transaction: quota, the missing lists (matched by name ignoring
 * case, created last in the user's order), then every task at the end of its list in file
 * order, through the one task write path. A dry run does exactly the same and rolls back,
 * so its answer is the real one (quota and name matching included).
 */
export async function applyImport(
  db: Kysely<Database>,
  { userId, plan, skipped, dryRun }: { userId: string; plan: CheckedPlan; skipped: SkippedLine[]; dryRun: boolean },
): Promise<ImportResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      await assertTaskQuota(trx, userId, plan.tasks.length);
      await lockListPositions(trx, userId);
      const keys = [...plan.lists.keys()];
      const existing = keys.length
        ? await trx
            .selectFrom("list")
            .select(["id", "name_key"])
            .where("user_id", "=", userId)
            .where("name_key", "in", keys)
            .execute()
        : [];
      const listIds = new Map(existing.map((r) => [r.name_key, r.id]));
      const missing = keys.filter((k) => !listIds.has(k));
      if (missing.length > 0) {
        const last = await trx
          .selectFrom("list")
          .select("position")
          .where("user_id", "=", userId)
          .orderBy("position", "desc")
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirst();
        const positions = generateNKeysBetween(last?.position ?? null, null, missing.length);
        const created = await trx
          .insertInto("list")
          .values(
            missing.map((k, i) => {
              const list = plan.lists.get(k) as { name: string; color: string | null };
              return {
                user_id: userId,
                name: list.name,
                name_key: k,
                color: list.color,
                position: positions[i] as string,
              };
            }),
          )
          .returning(["id", "name_key"])
          .execute();
        for (const r of created) listIds.set(r.name_key, r.id);
      }
      await lockPositions(trx, userId);
      // Map.groupBy needs Node 21.
      const byList = new Map<string | null, CheckedPlan["tasks"]>();
      for (const t of plan.tasks) {
        const group = byList.get(t.list);
        if (group) group.push(t);
        else byList.set(t.list, [t]);
      }
      for (const [list, tasks] of byList) {
        const listId = list === null ? null : (listIds.get(list) as string);
        const positions = await endPositions(trx, { userId, listId, count: tasks.length });
        for (const [i, task] of tasks.entries()) {
          await insertTask(trx, {
            userId,
            position: positions[i] as string,
            patch: { ...task.input, list_id: listId },
          });
        }
      }
      const result = { lists_created: missing.length, tasks_created: plan.tasks.length, skipped };
      if (dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
