"use client";
import { useCallback, useMemo, useRef, useState } from "react";

/**
 * Which rows are selected, in the order shown. A range (Shift+click) runs from the
 * last row toggled to this one, as in a file manager.
 */
export function useSelection(order: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const orderRef = useRef(order);
  orderRef.current = order;

  const toggle = useCallback((id: string) => {
    anchor.current = id;
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const range = useCallback(
    (id: string) => {
      const ids = orderRef.current;
      const from = anchor.current ? ids.indexOf(anchor.current) : -1;
      const to = ids.indexOf(id);
      if (from < 0 || to < 0) return toggle(id);
      const [lo, hi] = from < to ? [from, to] : [to, from];
      setSelected((current) => new Set([...current, ...ids.slice(lo, hi + 1)]));
    },
    [toggle],
  );

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  const all = useCallback(() => setSelected(new Set(orderRef.current)), []);

  // Rows that left the view (deleted, moved elsewhere) are no longer selected.
  const visible = useMemo(() => new Set([...selected].filter((id) => order.includes(id))), [selected, order]);

  return useMemo(() => ({ selected: visible, toggle, range, clear, all }), [visible, toggle, range, clear, all]);
}
