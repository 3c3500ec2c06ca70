"use client";
import type { TaskCreate, TaskUpdate } from "@todo/contract";
import { useCallback, useMemo, useRef } from "react";
import type { BulkAction } from "./api-client";
import type { Task } from "./model";
import { dropCached, mapCachedTasks, prependCached, refreshAll, replaceCached } from "./task-cache";
import { type Outcome, useTaskStore } from "./task-provider";

let draftCounter = 0;

/** A row shown at once while the API creates the real task. */
function draftTask(userId: string, input: TaskCreate): Task {
  const now = new Date().toISOString();
  return {
    id: `unsaved-${++draftCounter}`,
    user_id: userId,
    title: input.title,
    description: input.description ?? null,
    completed: false,
    list_id: input.list_id ?? null,
    due_date: input.due_date ?? null,
    due_time: input.due_time ?? null,
    priority: input.priority ?? 4,
    labels: input.labels ?? [],
    recurrence: null,
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
  const { api, userId, client, fail, dismissRowError, setDeleted } = useTaskStore();

  const settle = useCallback(() => void refreshAll(client), [client]);
  /** The delete still on its way: an Undo pressed quickly must restore after it, not before. */
  const deleting = useRef<Promise<unknown>>(Promise.resolve());

  const add = useCallback(
    async (viewKey: readonly unknown[], input: TaskCreate): Promise<Outcome> => {
      const draft = draftTask(userId, input);
      prependCached(client, viewKey, draft);
      try {
        const saved = await api.create(input);
        mapCachedTasks(client, (t) => (t.id === draft.id ? saved : t));
        settle();
        return { ok: true };
      } catch (error) {
        dropCached(client, [draft.id]);
        return { ok: false, message: fail(error) };
      }
    },
    [api, client, fail, settle, userId],
  );

  /** Applies `optimistic` at once, then keeps the server's version or rolls back. */
  const change = useCallback(
    async (task: Task, optimistic: Task, call: () => Promise<Task>): Promise<Outcome> => {
      dismissRowError(task.id);
      replaceCached(client, [optimistic]);
      try {
        replaceCached(client, [await call()]);
        settle();
        return { ok: true };
      } catch (error) {
        replaceCached(client, [task]);
        return { ok: false, message: fail(error, task.id) };
      }
    },
    [client, dismissRowError, fail, settle],
  );

  const toggle = useCallback(
    (task: Task) =>
      change(task, { ...task, completed: !task.completed }, () => api.setCompleted(task.id, !task.completed)),
    [api, change],
  );

  const edit = useCallback(
    (task: Task, patch: TaskUpdate) => change(task, { ...task, ...patch } as Task, () => api.update(task.id, patch)),
    [api, change],
  );

  const move = useCallback(
    async (task: Task, to: { before?: string; after?: string }): Promise<Outcome> => {
      try {
        replaceCached(client, [await api.move(task.id, to)]);
        settle();
        return { ok: true };
      } catch (error) {
        return { ok: false, message: fail(error, task.id) };
      }
    },
    [api, client, fail, settle],
  );

  /** Deleting puts tasks in the trash; Undo is a restore, so every device agrees at once. */
  const remove = useCallback(
    async (tasks: Task[]): Promise<Outcome> => {
      const ids = tasks.map((t) => t.id);
      dropCached(client, ids);
      setDeleted(tasks);
      const sent = ids.length === 1 && ids[0] ? api.remove(ids[0]) : api.bulk(ids, { action: "delete" });
      deleting.current = sent.catch(() => undefined);
      try {
        await sent;
        settle();
        return { ok: true };
      } catch (error) {
        setDeleted(null);
        settle();
        return { ok: false, message: fail(error, ids[0]) };
      }
    },
    [api, client, fail, setDeleted, settle],
  );

  const restore = useCallback(
    async (tasks: Task[]): Promise<Outcome> => {
      setDeleted(null);
      const ids = tasks.map((t) => t.id);
      try {
        await deleting.current;
        if (ids.length === 1 && ids[0]) await api.restore(ids[0]);
        else await api.bulk(ids, { action: "restore" });
        await refreshAll(client);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: fail(error) };
      }
    },
    [api, client, fail, setDeleted],
  );

  const bulk = useCallback(
    async (tasks: Task[], action: BulkAction): Promise<Outcome> => {
      if (action.action === "delete") return remove(tasks);
      try {
        const result = await api.bulk(
          tasks.map((t) => t.id),
          action,
        );
        replaceCached(client, result.tasks);
        await refreshAll(client);
        return { ok: true };
      } catch (error) {
        return { ok: false, message: fail(error) };
      }
    },
    [api, client, fail, remove],
  );

  return useMemo(
    () => ({ add, toggle, edit, move, remove, restore, bulk }),
    [add, toggle, edit, move, remove, restore, bulk],
  );
}
