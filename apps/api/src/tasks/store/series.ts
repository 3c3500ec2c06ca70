// Completing a recurring task (contract 7.2, ADR 0060): one transaction keeps a history copy
// of the occurrence and moves the series to its next one, or completes the series when its rule
// has ended. The series row is locked first, so a second completion waiting on the lock sees the
// series already moved and completes the occurrence it now sits on: never the same one twice.
import type { Database } from "@todo/db";
import { nextOccurrence, todayIn } from "@todo/recurrence";
import { generateKeyBetween } from "fractional-indexing";
import { type Kysely, sql } from "kysely";
import { lockPositions } from "./positions.ts";
import { selectTaskColumns } from "./task-json.ts";
import { checkTaskVersions, type ExpectedVersions } from "./task-versions.ts";
import { insertTask, writeTasks } from "./task-write.ts";
import { savedZone } from "./user-zone.ts";

/**
 * Locks the user's live tasks `ids` (in id order, so two bulk completions cannot deadlock) after
 * the positions lock every task insert takes first. Unknown or foreign ids are simply absent.
 */
async function lockTasks(trx: Kysely<Database>, userId: string, ids: string[]) {
  await lockPositions(trx, userId);
  return trx
    .selectFrom("task")
    .select(selectTaskColumns)
    .select("task.recurrence_done")
    .where("task.user_id", "=", userId)
    .where("task.id", "in", ids)
    .where("task.deleted_at", "is", null)
    .orderBy("task.id")
    .forUpdate()
    .execute();
}
type Locked = Awaited<ReturnType<typeof lockTasks>>[number];

/** Today in the user's zone: the day a completion can never move a series back to. */
const todayFor = async (trx: Kysely<Database>, userId: string, now: Date) => todayIn(await savedZone(trx, userId), now);

const isOpenSeries = (row: Locked) => !row.completed && row.recurrence !== null && row.due_date !== null;

/** Directly before the series in its list, so the history sits next to what it came from. */
async function placeBefore(trx: Kysely<Database>, userId: string, row: Locked): Promise<string> {
  const { rows } = await sql<{ position: string }>`select "position" from "task"
    where "user_id" = ${userId} and "deleted_at" is null and "list_id" is not distinct from ${row.list_id}::uuid
      and ("position", "id") < (${row.position}, ${row.id}::uuid)
    order by "position" desc, "id" desc limit 1`.execute(trx);
  const prev = rows[0]?.position ?? null;
  // Two tasks can share a position (ties break on id): then there is no key between them.
  return prev === row.position ? generateKeyBetween(row.position, null) : generateKeyBetween(prev, row.position);
}

async function completeOccurrence(trx: Kysely<Database>, userId: string, row: Locked, today: string) {
  const next = nextOccurrence({
    rule: row.recurrence as string,
    dueDate: row.due_date as string,
    dueTime: row.due_time,
    today,
    countSoFar: row.recurrence_done,
  });
  if (!next) {
    // COUNT or UNTIL has ended the series: the series itself is the last occurrence, done.
    await writeTasks(trx, { userId, ids: [row.id] }, { completed: true });
    return;
  }
  await insertTask(trx, {
    userId,
    position: await placeBefore(trx, userId, row),
    patch: {
      title: row.title,
      description: row.description,
      list_id: row.list_id,
      labels: row.labels,
      priority: row.priority,
      due_date: row.due_date,
      due_time: row.due_time,
      completed: true,
      recurring_task_id: row.id,
    },
  });
  // due_time is not written: the same wall-clock time on the new day (ADR 0043).
  await writeTasks(trx, { userId, ids: [row.id] }, { due_date: next.dueDate, recurrence_done: next.countSoFar });
}

/**
 * Completes the user's tasks `ids` inside `trx`: an open series rolls forward (history copy +
 * move, or completes when ended), every other task is completed. Returns the ids it found.
 */
export async function completeTasks(
  trx: Kysely<Database>,
  { userId, ids, now }: { userId: string; ids: string[]; now: Date },
): Promise<string[]> {
  const rows = await lockTasks(trx, userId, ids);
  const series = rows.filter(isOpenSeries);
  if (series.length > 0) {
    const today = await todayFor(trx, userId, now);
    for (const row of series) await completeOccurrence(trx, userId, row, today);
  }
  const rest = rows.filter((r) => !isOpenSeries(r)).map((r) => r.id);
  await writeTasks(trx, { userId, ids: rest }, { completed: true });
  return rows.map((r) => r.id);
}

/**
 * When task `id` is an open series that the request completes (a toggle or `completed: true`),
 * completes it in its own transaction and returns true; otherwise changes nothing (false) and
 * the caller's ordinary completion path runs. `patch` is written first (PUT's other fields).
 */
export async function completeIfSeries(
  db: Kysely<Database>,
  {
    userId,
    id,
    now,
    before,
    versions,
  }: {
    userId: string;
    id: string;
    now: Date;
    before?: (trx: Kysely<Database>) => Promise<void>;
    /** If-Match (issue 11): checked on the locked row before anything is written. */
    versions?: ExpectedVersions;
  },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const [row] = await lockTasks(trx, userId, [id]);
    if (!row || !isOpenSeries(row)) return false;
    if (versions) await checkTaskVersions(trx, { userId, expected: versions });
    await before?.(trx);
    // PUT's other fields may have changed the rule or the date: roll from what is stored now.
    const [current] = await lockTasks(trx, userId, [id]);
    if (current && isOpenSeries(current))
      await completeOccurrence(trx, userId, current, await todayFor(trx, userId, now));
    else await writeTasks(trx, { userId, ids: [id] }, { completed: true });
    return true;
  });
}
