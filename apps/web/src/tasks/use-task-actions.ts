"use client";
import type { TaskCreate, TaskUpdate } from "@todo/contract";
import { useCallback, useMemo, useRef } from "react";
import type { Back, PendingOp } from "../sync/ops";
import type { Result } from "../sync/outbox";
import { bulkApplied, moved } from "../sync/overlay";
import type { BulkAction } from "./api-client";
import type { Task } from "./model";
import { placesOf, putBackCached } from "./restore-places";
import { dropCached, keys, mapCachedPages, prependCached, refreshAll, replaceCached } from "./task-cache";
import { type Outcome, useTaskStore } from "./task-provider";

/** A row shown at once while the API creates the real task. */
function draftTask(userId: string, input: TaskCreate): Task {
  const now = new Date().toISOString();
  return {
    // Unique across reloads: a draft made offline keeps its id in the stored queue.
    id: `unsaved-${crypto.randomUUID()}`,
    user_id: userId,
    title: input.title,
    description: input.description ?? null,
    completed: false,
    list_id: input.list_id ?? null,
    due_date: input.due_date ?? null,
    due_time: input.due_time ?? null,
    priority: input.priority ?? 4,
    labels: input.labels ?? [],
    recurrence: input.recurrence ?? null, // quick add (issue 10): the row shows its rule at once
    recurring_task_id: null,
    position: "",
    completed_at: null,
    version: 0,
    created_at: now,
    updated_at: now,
  } as Task;
}

export const isDraft = (task: Pick<Task, "id">) => task.id.startsWith("unsaved-");

/** Where the tasks of the last deletes stood, for their Undo (any component's actions may undo). */
const places = new WeakMap<Task[], Back[]>();

/**
 * Every change a person makes to tasks. Each shows at once in the cache, then the
 * server's answer (or a rollback with its message) replaces it, and the views
 * whose order or counts depend on it are asked again.
 */
export function useTaskActions() {
  const { userId, client, fail, dismissRowError, setDeleted, outbox } = useTaskStore();

  /** Queues one change with its Idempotency-Key (made now) and the version it was made against. */
  const submit = useCallback(
    (task: Task, op: PendingOp): Promise<Result> =>
      outbox.submit({
        ...op,
        key: crypto.randomUUID(),
        taskId: task.id,
        base: op.op === "create" || isDraft(task) ? null : task.version,
        before: op.op === "create" ? null : task,
      }),
    [outbox],
  );

  /** Changes still waiting for the server's answer, and whether any of them went through. */
  const inFlight = useRef({ count: 0, changed: false });
  /**
   * Stops refetches in flight, which would overwrite an optimistic change with older
   * data (TanStack restores the latest setQueryData state on cancel, so order does not matter).
   */
  const begin = useCallback(() => {
    inFlight.current.count++;
    void client.cancelQueries({ queryKey: keys.tasks });
  }, [client]);
  /**
   * Once the last change is answered, the server says again where tasks belong (order,
   * filters, counts). A refused change refreshes nothing, so its message stays beside it.
   */
  const finish = useCallback(
    (changed: boolean) => {
      const state = inFlight.current;
      state.count--;
      state.changed ||= changed;
      if (state.count > 0 || !state.changed) return Promise.resolve();
      state.changed = false;
      return refreshAll(client);
    },
    [client],
  );
  /** The delete still on its way: an Undo pressed quickly must restore after it, not before. */
  const deleting = useRef<Promise<unknown>>(Promise.resolve());

  const add = useCallback(
    async (viewKey: readonly unknown[], input: TaskCreate): Promise<Outcome> => {
      begin();
      let done = false;
      const draft = draftTask(userId, input);
      prependCached(client, viewKey, draft);
      try {
        const result = await submit(draft, { op: "create", body: input, draft, viewKey: JSON.stringify(viewKey) });
        if (result.status === "refused") {
          dropCached(client, [draft.id]);
          return { ok: false, message: fail(result.error) };
        }
        // Sent (the outbox put the saved task in its place) or kept to send later.
        done = result.status === "sent";
        return { ok: true };
      } finally {
        void finish(done);
      }
    },
    [begin, client, fail, finish, submit, userId],
  );

  /** Applies `optimistic` at once, then keeps the server's version or rolls back. */
  const change = useCallback(
    async (task: Task, optimistic: Task, op: PendingOp): Promise<Outcome> => {
      dismissRowError(task.id);
      begin();
      let done = false;
      replaceCached(client, [optimistic]);
      try {
        const result = await submit(task, op);
        if (result.status === "refused") {
          replaceCached(client, [task]);
          return { ok: false, message: fail(result.error, task.id) };
        }
        // Sent (the outbox cached the server's answer), waiting, or held for the person's choice.
        done = result.status === "sent";
        return { ok: true };
      } finally {
        void finish(done);
      }
    },
    [begin, client, dismissRowError, fail, finish, submit],
  );

  const toggle = useCallback(
    (task: Task) =>
      change(
        task,
        // Recurring (issue 10, ADR 0133): completing one moves it to its next date, which only the
        // server knows, so the row waits for its answer instead of showing a tick that would undo itself.
        task.recurrence && !task.completed ? task : { ...task, completed: !task.completed },
        { op: "complete", body: { completed: !task.completed } },
      ),
    [change],
  );

  const edit = useCallback(
    (task: Task, patch: TaskUpdate) => change(task, { ...task, ...patch } as Task, { op: "update", body: patch }),
    [change],
  );

  /** Drag or Alt+arrow: shown in its new place at once, queued like any change (ADR 0140). */
  const move = useCallback(
    (task: Task, to: { before?: string; after?: string }) => {
      mapCachedPages(client, (items) => moved(items, task.id, to));
      return change(task, task, { op: "move", body: to });
    },
    [change, client],
  );

  /** Several tasks in one request, queued with each task's version as its precondition (`if_versions`). */
  const submitBulk = useCallback(
    (tasks: Task[], body: BulkAction, back?: Back[]): Promise<Result> =>
      outbox.submit({
        op: "bulk",
        body,
        bases: Object.fromEntries(tasks.map((t) => [t.id, t.version])),
        back,
        key: crypto.randomUUID(),
        taskId: tasks[0]?.id ?? "",
        base: null,
        before: null,
      }),
    [outbox],
  );

  /** Deleting puts tasks in the trash; Undo is a restore, so every device agrees at once. */
  const remove = useCallback(
    async (tasks: Task[]): Promise<Outcome> => {
      const ids = tasks.map((t) => t.id);
      places.set(tasks, placesOf(client, tasks));
      setDeleted(tasks);
      let done = false;
      begin();
      dropCached(client, ids);
      const [one] = tasks;
      const sent = tasks.length === 1 && one ? submit(one, { op: "delete" }) : submitBulk(tasks, { action: "delete" });
      deleting.current = sent;
      try {
        const result = await sent;
        if (result.status === "refused") {
          setDeleted(null);
          done = true; // refresh all the same: the rows taken out at once must come back
          return { ok: false, message: fail(result.error, ids[0]) };
        }
        done = result.status === "sent";
        return { ok: true };
      } finally {
        void finish(done);
      }
    },
    [begin, client, fail, finish, setDeleted, submit, submitBulk],
  );

  /** Undo of a delete, or the trash's Restore: queued too, and shown back where it stood. */
  const restore = useCallback(
    async (tasks: Task[]): Promise<Outcome> => {
      setDeleted(null);
      const ids = tasks.map((t) => t.id);
      const back = places.get(tasks) ?? tasks.map((task) => ({ task, at: {} }));
      await deleting.current;
      begin();
      putBackCached(client, back);
      let done = false;
      const [one] = tasks;
      try {
        const result = await (tasks.length === 1 && one
          ? submit(one, { op: "restore", back })
          : submitBulk(tasks, { action: "restore" }, back));
        if (result.status === "refused") {
          dropCached(client, ids); // put back at once, but the server no longer has it
          return { ok: false, message: fail(result.error) };
        }
        done = result.status === "sent";
        return { ok: true };
      } finally {
        void finish(done);
      }
    },
    [begin, client, fail, finish, setDeleted, submit, submitBulk],
  );

  const bulk = useCallback(
    async (tasks: Task[], action: BulkAction): Promise<Outcome> => {
      if (action.action === "delete") return remove(tasks);
      begin();
      let done = false;
      replaceCached(
        client,
        tasks.map((t) => bulkApplied(t, action)),
      );
      try {
        const result = await submitBulk(tasks, action);
        if (result.status === "refused") {
          replaceCached(client, tasks);
          return { ok: false, message: fail(result.error) };
        }
        done = result.status === "sent";
        return { ok: true };
      } finally {
        void finish(done);
      }
    },
    [begin, client, fail, finish, remove, submitBulk],
  );

  return useMemo(
    () => ({ add, toggle, edit, move, remove, restore, bulk }),
    [add, toggle, edit, move, remove, restore, bulk],
  );
}
