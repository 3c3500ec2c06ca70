"use client";
import type { Task } from "@todo/contract";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

/** How long Undo is offered before the delete is sent. */
export const UNDO_MS = 6_000;

interface Pending {
  task: Task;
  index: number;
}

interface Options {
  remove: (id: string, keepalive: boolean) => Promise<void>;
  onRemoved: () => void;
  onFailed: (task: Task, index: number, error: unknown) => void;
}

/**
 * Delete with Undo, by delaying the DELETE rather than re-creating the task
 * afterwards: an undone task keeps its id, its creation date and so its place
 * in the list. A delete still waiting when the page goes away is sent at once
 * (keepalive), so closing the tab never resurrects it.
 */
export function useUndoableDelete(options: Options) {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const commit = useCallback((keepalive: boolean) => {
    const current = pendingRef.current;
    if (!current) return;
    clearTimeout(timer.current);
    pendingRef.current = null;
    setPending(null);
    optionsRef.current.remove(current.task.id, keepalive).then(
      () => optionsRef.current.onRemoved(),
      (error: unknown) => optionsRef.current.onFailed(current.task, current.index, error),
    );
  }, []);

  const schedule = useCallback(
    (task: Task, index: number) => {
      commit(false); // only the latest delete can be undone; send the previous one now
      const next = { task, index };
      pendingRef.current = next;
      setPending(next);
      timer.current = setTimeout(() => commit(false), UNDO_MS);
    },
    [commit],
  );

  const undo = useCallback((): Pending | null => {
    const current = pendingRef.current;
    if (!current) return null;
    clearTimeout(timer.current);
    pendingRef.current = null;
    setPending(null);
    return current;
  }, []);

  useEffect(() => {
    const flush = () => commit(true);
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [commit]);

  /** The task hidden while its Undo window is open (a reload must not show it again). */
  const pendingId = useCallback(() => pendingRef.current?.task.id ?? null, []);

  return useMemo(() => ({ pending, schedule, undo, pendingId }), [pending, schedule, undo, pendingId]);
}
