"use client";
import type { Task, TaskUpdate } from "@todo/contract";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { createTaskApi } from "./api-client";
import { ApiError } from "./api-error";
import { initialListState, listReducer } from "./task-list-state";
import { createTokenStore } from "./token-store";
import { useUndoableDelete } from "./use-undoable-delete";

export type Outcome = { ok: true } | { ok: false; message: string };

let tempCounter = 0;

/**
 * The task list and every change to it. Changes show at once and are rolled back,
 * with the server's own message, when the API refuses them; when the API cannot
 * be reached at all, `outage` says so until a retry succeeds.
 */
export function useTasks(apiUrl: string, userId: string) {
  const api = useMemo(() => createTaskApi({ apiUrl, userId, tokens: createTokenStore() }), [apiUrl, userId]);
  const [state, dispatch] = useReducer(listReducer, initialListState);
  const [outage, setOutage] = useState<string | null>(null);
  const tasksRef = useRef(state.tasks);
  tasksRef.current = state.tasks;

  /** Sorts a failure into the right place; returns the text to show next to what failed. */
  const fail = useCallback((error: unknown): string => {
    if (error instanceof ApiError && error.kind === "session") {
      window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      return error.detail;
    }
    if (error instanceof ApiError && error.kind === "refused") return error.detail;
    const detail = error instanceof ApiError ? error.detail : "Something unexpected went wrong.";
    setOutage(detail);
    return "Not saved: the task server can't be reached.";
  }, []);

  const undoable = useUndoableDelete({
    remove: (id, keepalive) => api.remove(id, keepalive),
    onRemoved: () => setOutage(null),
    onFailed: (task, index, error) => {
      dispatch({ type: "insert", task, index });
      dispatch({ type: "row-error", id: task.id, message: fail(error) });
    },
  });

  const load = useCallback(async () => {
    dispatch({ type: "loading" });
    try {
      const listed = await api.list();
      const hidden = undoable.pendingId();
      const tasks = listed.filter((t) => t.id !== hidden);
      dispatch({ type: "loaded", tasks });
      setOutage(null);
    } catch (error) {
      dispatch({ type: "load-failed" });
      fail(error);
    }
  }, [api, fail, undoable.pendingId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Coming back online or to the tab is a good moment to try again by itself.
  useEffect(() => {
    if (!outage) return;
    const retry = () => void load();
    window.addEventListener("online", retry);
    window.addEventListener("focus", retry);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("focus", retry);
    };
  }, [outage, load]);

  const add = useCallback(
    async (title: string, description: string | null): Promise<Outcome> => {
      const now = new Date().toISOString();
      const temp: Task = {
        id: `unsaved-${++tempCounter}`,
        user_id: userId,
        title,
        description,
        completed: false,
        created_at: now,
        updated_at: now,
      };
      dispatch({ type: "insert", task: temp, unsaved: true });
      try {
        const saved = await api.create(description ? { title, description } : { title });
        dispatch({ type: "replace", id: temp.id, task: saved });
        setOutage(null);
        return { ok: true };
      } catch (error) {
        dispatch({ type: "remove", id: temp.id });
        return { ok: false, message: fail(error) };
      }
    },
    [api, fail, userId],
  );

  /** Applies `optimistic` at once, then keeps the server's version or rolls back. */
  const change = useCallback(
    async (task: Task, optimistic: Task, call: () => Promise<Task>): Promise<Outcome> => {
      dispatch({ type: "row-error", id: task.id, message: null });
      dispatch({ type: "replace", id: task.id, task: optimistic });
      try {
        const saved = await call();
        dispatch({ type: "replace", id: task.id, task: saved });
        setOutage(null);
        return { ok: true };
      } catch (error) {
        const message = fail(error);
        dispatch({ type: "replace", id: task.id, task });
        dispatch({ type: "row-error", id: task.id, message });
        return { ok: false, message };
      }
    },
    [fail],
  );

  const toggle = useCallback(
    (task: Task) =>
      change(task, { ...task, completed: !task.completed }, () => api.setCompleted(task.id, !task.completed)),
    [api, change],
  );

  const edit = useCallback(
    (task: Task, patch: Required<Pick<TaskUpdate, "title" | "description">>) =>
      change(task, { ...task, ...patch }, () => api.update(task.id, patch)),
    [api, change],
  );

  const remove = useCallback(
    (task: Task) => {
      const index = tasksRef.current.findIndex((t) => t.id === task.id);
      dispatch({ type: "remove", id: task.id });
      undoable.schedule(task, index);
    },
    [undoable],
  );

  const undo = useCallback(() => {
    const restored = undoable.undo();
    if (restored) dispatch({ type: "insert", task: restored.task, index: restored.index });
    return restored?.task ?? null;
  }, [undoable]);

  const dismissRowError = useCallback((id: string) => dispatch({ type: "row-error", id, message: null }), []);

  return {
    ...state,
    outage,
    retry: load,
    add,
    toggle,
    edit,
    remove,
    undo,
    recentlyDeleted: undoable.pending?.task ?? null,
    dismissRowError,
  };
}
