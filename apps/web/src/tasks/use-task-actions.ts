"use client";
import type { TaskCreate, TaskUpdate } from "@todo/contract";
import { useCallback, useMemo, useRef } from "react";
import type { PendingOp, Result } from "../sync/outbox";
import type { BulkAction } from "./api-client";
import type { Task } from "./model";
import { dropCached, keys, prependCached, refreshAll, replaceCached } from "./task-cache";
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

/**
 * Every change a person makes to tasks. Each shows at once in the cache, then the
 * server's answer (or a rollback with its message) replaces it, and the views
 * whose order or counts depend on it are asked again.
 */
export function useTaskActions() {
  const { api, userId, client, fail, dismissRowError, setDeleted, outbox } = useTaskStore();

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

  const move = useCallback(
    async (task: Task, to: { before?: string; after?: string }): Promise<Outcome> => {
      begin();
      let done = false;
      try {
        replaceCached(client, [await api.move(task.id, to)]);
        done = true;
        return { ok: true };
      } catch (error) {
        return { ok: false, message: fail(error, task.id) };
      } finally {
        await finish(done);
      }
    },
    [api, begin, client, fail, finish],
  );

  /** Deleting puts tasks in the trash; Undo is a restore, so every device agrees at once. */
  const remove = useCallback(
    async (tasks: Task[]): Promise<Outcome> => {
      const ids = tasks.map((t) => t.id);
      setDeleted(tasks);
      let done = false;
      begin();
      dropCached(client, ids);
      // One task goes through the queue (kept offline, If-Match); several are one bulk request.
      const [one] = tasks;
      const sent =
        tasks.length === 1 && one
          ? submit(one, { op: "delete" }).then((r) => {
              if (r.status === "refused") throw r.error;
            })
          : api.bulk(ids, { action: "delete" });
      deleting.current = sent.catch(() => undefined);
      try {
        await sent;
        done = true;
        return { ok: true };
      } catch (error) {
        setDeleted(null);
        done = true; // refresh all the same: the rows taken out at once must come back
        return { ok: false, message: fail(error, ids[0]) };
      } finally {
        void finish(done);
      }
    },
    [api, begin, client, fail, finish, setDeleted, submit],
  );

  const restore = useCallback(
    async (tasks: Task[]): Promise<Outcome> => {
      setDeleted(null);
      const ids = tasks.map((t) => t.id);
      await deleting.current;
      begin();
      let done = false;
      try {
        if (ids.length === 1 && ids[0]) await api.restore(ids[0]);
        else await api.bulk(ids, { action: "restore" });
        done = true;
        return { ok: true };
      } catch (error) {
        return { ok: false, message: fail(error) };
      } finally {
        await finish(done);
      }
    },
    [api, begin, fail, finish, setDeleted],
  );

  const bulk = useCallback(
    async (tasks: Task[], action: BulkAction): Promise<Outcome> => {
      if (action.action === "delete") return remove(tasks);
      begin();
      let done = false;
      try {
        const result = await api.bulk(
          tasks.map((t) => t.id),
          action,
        );
        replaceCached(client, result.tasks);
        done = true;
        return { ok: true };
      } catch (error) {
        return { ok: false, message: fail(error) };
      } finally {
        await finish(done);
      }
    },
    [api, begin, client, fail, finish, remove],
  );

  return useMemo(
    () => ({ add, toggle, edit, move, remove, restore, bulk }),
    [add, toggle, edit, move, remove, restore, bulk],
  );
}
