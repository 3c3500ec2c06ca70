import type { TaskCreate, TaskUpdate } from "@todo/contract";
import { STILL_RUNNING_PROBLEM } from "@todo/contract/rules";
import type { BulkAction } from "../tasks/api-client";
import type { Task, TaskListInfo } from "../tasks/model";

/** Where a task stood in each cached view (view key -> index), to put it back on a restore. */
export type Places = Record<string, number>;
export type Back = { task: Task; at: Places };

/** The kinds of change the queue holds (contract 9); each is one request to the API. */
export type PendingOp =
  | { op: "create"; body: TaskCreate; draft: Task; viewKey: string }
  | { op: "update"; body: TaskUpdate }
  | { op: "complete"; body: { completed: boolean } }
  | { op: "delete" }
  | { op: "move"; body: { before?: string; after?: string; list_id?: string | null } }
  | { op: "restore"; back: Back[] }
  /** Several tasks at once; `bases` is the If-Match of each (the bulk body's `if_versions`). */
  | { op: "bulk"; body: BulkAction; bases: Record<string, number>; back?: Back[] }
  | { op: "list-create"; body: { name: string }; draft: TaskListInfo }
  | { op: "list-update"; body: { name: string } }
  | { op: "list-delete" };

/** One change the person made, kept until the server has it (contract 9, ADR 0125, ADR 0140). */
export type Pending = PendingOp & {
  /** The Idempotency-Key, made when the person acted: a resend is never a second change. */
  key: string;
  /**
   * The id of the task (or, for `list-*` ops, the list) it changes; a draft's until its create is
   * answered, then the real one. A bulk change's first task (its others are in `bases`).
   */
  taskId: string;
  /** The version it was made against (If-Match); null for a create, a restore and a bulk. */
  base: number | null;
  /** The task (or list) as the person saw it, for the conflict view. */
  before: Task | TaskListInfo | null;
  /** Set by a 412: how the server has it now. Nothing more is sent for it until the person chooses. */
  conflict?: unknown;
};

export const isListOp = (e: PendingOp) => e.op.startsWith("list-");

/** Every id a change touches (its task, or a bulk's tasks): what a conflict holds back behind it. */
export const touches = (e: Pending): string[] => (e.op === "bulk" ? Object.keys(e.bases) : [e.taskId]);

const task = (id: string) => `/tasks/${encodeURIComponent(id)}`;
const list = (id: string) => `/lists/${encodeURIComponent(id)}`;

/** The request that sends a change: method, path, body, and whether If-Match applies (contract 8). */
export function requestOf(e: Pending): { method: string; path: string; body?: unknown; ifMatch: boolean } {
  switch (e.op) {
    case "create":
      return { method: "POST", path: "/tasks", body: e.body, ifMatch: false };
    case "update":
      return { method: "PUT", path: task(e.taskId), body: e.body, ifMatch: true };
    case "complete":
      return { method: "PATCH", path: `${task(e.taskId)}/complete`, body: e.body, ifMatch: true };
    case "delete":
      return { method: "DELETE", path: task(e.taskId), ifMatch: true };
    case "move":
      return { method: "POST", path: `${task(e.taskId)}/move`, body: e.body, ifMatch: true };
    case "restore":
      // No If-Match on a restore: it brings the task back exactly as it was deleted.
      return { method: "POST", path: `${task(e.taskId)}/restore`, body: {}, ifMatch: false };
    case "bulk":
      return {
        method: "POST",
        path: "/tasks/bulk",
        // A restore's tasks are in the trash, a version on from the copy the person saw: not checked.
        body: { ids: Object.keys(e.bases), ...e.body, if_versions: e.body.action === "restore" ? undefined : e.bases },
        ifMatch: false,
      };
    case "list-create":
      return { method: "POST", path: "/lists", body: e.body, ifMatch: false };
    case "list-update":
      return { method: "PUT", path: list(e.taskId), body: e.body, ifMatch: true };
    case "list-delete":
      return { method: "DELETE", path: list(e.taskId), ifMatch: true };
  }
}

/**
 * A draft's id becomes the server's everywhere a queued change names it (its target, a bulk's
 * ids, a move's neighbour, a new task's list). Draft ids are random UUIDs, so no other text matches.
 */
export const renamed = (e: Pending, from: string, to: string): Pending =>
  from === to ? e : (JSON.parse(JSON.stringify(e).replaceAll(from, to)) as Pending);

/** A bulk 412's `current`: the changed tasks, an array, or the task itself when the bulk named one. */
export const conflictTasks = <T>(current: unknown): T[] =>
  Array.isArray(current) ? (current as T[]) : current ? [current as T] : [];

/** The versions a "mine" is sent onto: the server's current one (each task's, for a bulk). */
export function onto(entry: Pending, current: Task | Task[] | null): Partial<Pending> {
  if (entry.op !== "bulk") return { base: (current as Task | null)?.version ?? null };
  const now = new Map(conflictTasks<Task>(current).map((t) => [t.id, t.version]));
  return { bases: Object.fromEntries(Object.entries(entry.bases).map(([id, v]) => [id, now.get(id) ?? v])) };
}

/** What "theirs" puts in the cache: the server's copy, in the shape that change's answer has. */
export const theirs = (entry: Pending, current: Task | Task[] | null) =>
  entry.op === "bulk" ? { tasks: conflictTasks<Task>(current) } : current;

/**
 * Drops the sent entry; later changes name the saved draft by its real id, and those made on
 * the same version as the sent one now build on the version the server gave it.
 */
export function afterSent(entries: readonly Pending[], sent: Pending, answer: unknown): Pending[] {
  const saved = (
    Array.isArray((answer as { tasks?: unknown })?.tasks)
      ? (answer as { tasks: Task[] }).tasks
      : answer
        ? [answer as Task]
        : []
  ) as { id: string; version: number }[];
  const created = sent.op === "create" || sent.op === "list-create";
  // What comes after a create or a restore was made on the copy shown meanwhile: it builds on the answer.
  const fresh = created || sent.op === "restore" || (sent.op === "bulk" && sent.body.action === "restore");
  const baseOf = (e: Pending, id: string) => (e.op === "bulk" ? e.bases[id] : e.base);
  return entries
    .filter((e) => e !== sent)
    .map((e) => {
      let next = created && saved[0] ? renamed(e, sent.taskId, saved[0].id) : e;
      for (const s of saved) {
        if (!touches(next).includes(s.id) || (!fresh && baseOf(next, s.id) !== baseOf(sent, s.id))) continue;
        next =
          next.op === "bulk" ? { ...next, bases: { ...next.bases, [s.id]: s.version } } : { ...next, base: s.version };
      }
      return next;
    });
}

/** A twin is waited for at most this long each time (whatever Retry-After says)… */
export const TWIN_WAIT_MAX_MS = 5_000;
/** …and this many times in a row; then the entry waits like one the API could not take (ADR 0150). */
export const TWIN_WAITS = 5;

/**
 * What to do with a refused send (ADR 0150). A 409 of type `still-running` means the same
 * Idempotency-Key is being answered right now: this is a resend (after a reload, a timeout, a lost
 * answer) of a change the first request will most likely save. Dropping it would show a refusal
 * and undo the row although the change lands, so the entry stays and is sent again after
 * `Retry-After` (bounded), when the stored answer is replayed. `waited` is how often it already
 * waited in a row. "wait": milliseconds to wait, then send it again; "later": keep it, stop the
 * run, send it with the waiting ones; "refused": any other answer, decided as before.
 */
export function afterRefusal(
  error: { status: number; problem?: { type?: string; retryAfter?: number } },
  waited: number,
): { next: "wait"; ms: number } | { next: "later" } | { next: "refused" } {
  if (error.status !== 409 || error.problem?.type !== STILL_RUNNING_PROBLEM) return { next: "refused" };
  if (waited >= TWIN_WAITS) return { next: "later" };
  const seconds = error.problem.retryAfter ?? 1;
  return { next: "wait", ms: Math.min(Math.max(seconds * 1000, 100), TWIN_WAIT_MAX_MS) };
}
