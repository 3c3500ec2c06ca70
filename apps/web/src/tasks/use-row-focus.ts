"use client";
import { useCallback, useLayoutEffect, useMemo, useRef } from "react";

const rowOf = (element: Element | null) => element?.closest<HTMLElement>("li[data-task-id]")?.dataset.taskId ?? null;

/**
 * Which row the keyboard is on (the one holding focus), and moving it: j/k,
 * back to a row after editing, to the neighbour of a deleted one.
 */
export function useRowFocus(order: readonly string[]) {
  const orderRef = useRef(order);
  orderRef.current = order;
  /** Where the keyboard was when its row went away (deleted): j/k carry on from there. */
  const lastIndex = useRef(-1);

  const to = useCallback((id: string | undefined, part: "toggle" | "edit" = "toggle") => {
    if (!id) return;
    requestAnimationFrame(() => document.getElementById(`task-${id}-${part}`)?.focus());
  }, []);

  const current = useCallback(() => rowOf(document.activeElement), []);

  const step = useCallback(
    (delta: -1 | 1) => {
      const ids = orderRef.current;
      const here = current();
      const at = here ? ids.indexOf(here) : lastIndex.current >= 0 ? lastIndex.current - (delta > 0 ? 1 : 0) : -1;
      const next = ids[Math.min(Math.max(at + delta, 0), ids.length - 1)];
      lastIndex.current = -1;
      if (next) document.getElementById(`task-${next}-toggle`)?.focus();
    },
    [current],
  );

  const remember = useCallback((id: string | undefined) => {
    lastIndex.current = id ? orderRef.current.indexOf(id) : -1;
  }, []);

  /** A row just moved (Alt+Up/Down) and the order it was moved from. */
  const moving = useRef<{ id: string; from: string } | null>(null);
  /**
   * Keeps the focus on a row the keyboard moves, through the redraw in the new order (React puts a
   * row moved down back into the list, which takes the focus off it). Done at that redraw, never
   * when the server answers: by then the person may be on another row, and their next Alt+arrow
   * would move the wrong task.
   */
  const follow = useCallback((id: string) => {
    moving.current = { id, from: orderRef.current.join() };
  }, []);
  useLayoutEffect(() => {
    const row = moving.current;
    if (!row || order.join() === row.from) return;
    moving.current = null;
    // Only when the redraw took the focus away: never from where the person has put it since.
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(`task-${row.id}-toggle`)?.focus();
  }, [order]);

  return useMemo(() => ({ to, current, step, remember, follow }), [to, current, step, remember, follow]);
}
