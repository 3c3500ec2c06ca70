import type { List, Task } from "@todo/contract";
import type { Database } from "@todo/db";
import { type Kysely, sql } from "kysely";
import { AppError } from "../errors/app-error.ts";
import { readLists } from "../lists/service/list-store.ts";
import type { CursorCodec } from "../pages/page-cursor.ts";
import { loadTasks, toTaskJson } from "../tasks/store/task-json.ts";
import type { ChangeKind } from "./change-log.ts";

/** Contract 9: at most 500 changes a page; the log keeps 30 days. */
export const FEED_PAGE = 500;
export const FEED_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export type Change =
  | { kind: "task"; id: string; op: "upsert"; data: Task }
  | { kind: "list"; id: string; op: "upsert"; data: List }
  | { kind: ChangeKind; id: string; op: "delete" };

export interface ChangePage {
  changes: Change[];
  cursor: string;
  has_more: boolean;
}

const gone = () =>
  new AppError(
    "GONE",
    `That cursor is older than the ${FEED_RETENTION_DAYS} days of kept history: read everything again and start from a new cursor.`,
  );

/** Cursors are the page cursors' signed format, bound to the user: [seq, issued at (ms)]. */
export function feedCursors(codec: CursorCodec, userId: string) {
  const scope = { feed: userId };
  return {
    encode: (seq: number) => codec.encode(scope, [seq, Date.now()]),
    decode(cursor: string): number {
      const [seq, issued] = codec.decode(cursor, scope);
      if (typeof seq !== "number" || typeof issued !== "number" || !Number.isSafeInteger(seq) || seq < 0)
        throw new AppError("BAD_REQUEST", "The cursor is malformed.");
      if (Date.now() - issued > FEED_RETENTION_DAYS * DAY_MS) throw gone();
      return seq;
    },
  };
}

/** The user's last handed-out seq and how far retention has deleted (0 when never written). */
export async function feedHead(db: Kysely<Database>, userId: string) {
  const row = await db
    .selectFrom("user_change_seq")
    .select(["seq", "pruned_through"])
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return { seq: Number(row?.seq ?? 0), pruned: Number(row?.pruned_through ?? 0) };
}

/**
 * Changes after `since`, in commit order. The log says only what changed; each entry is
 * answered with the resource as it is now (live: upsert with its JSON; trashed or gone:
 * delete), and an id changed twice in a page appears once, at its last place.
 */
export async function readChanges(db: Kysely<Database>, userId: string, since: number) {
  const head = await feedHead(db, userId);
  if (since < head.pruned) throw gone();
  const rows = await db
    .selectFrom("change_log")
    .select(["seq", "kind", "entity_id"])
    .where("user_id", "=", userId)
    .where("seq", ">", sql<string>`${since}::bigint`)
    .orderBy("seq")
    .limit(FEED_PAGE + 1)
    .execute();
  const page = rows.slice(0, FEED_PAGE);
  const last = new Map<string, { kind: ChangeKind; id: string }>();
  for (const r of page) {
    const k = `${r.kind}:${r.entity_id}`;
    last.delete(k);
    last.set(k, { kind: r.kind as ChangeKind, id: r.entity_id });
  }
  const entries = [...last.values()];
  const taskIds = entries.filter((e) => e.kind === "task").map((e) => e.id);
  const listIds = entries.filter((e) => e.kind === "list").map((e) => e.id);
  const tasks = new Map((await loadTasks(db, { userId, ids: taskIds })).map((r) => [r.id, toTaskJson(r)]));
  const lists = new Map((listIds.length ? await readLists(db, { userId, ids: listIds }) : []).map((l) => [l.id, l]));
  const changes = entries.map((e): Change => {
    const data = e.kind === "task" ? tasks.get(e.id) : lists.get(e.id);
    if (!data) return { kind: e.kind, id: e.id, op: "delete" };
    return e.kind === "task"
      ? { kind: "task", id: e.id, op: "upsert", data: data as Task }
      : { kind: "list", id: e.id, op: "upsert", data: data as List };
  });
  return { changes, seq: Number(page.at(-1)?.seq ?? since), hasMore: rows.length > FEED_PAGE };
}
