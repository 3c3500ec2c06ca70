"use client";
import { type PointerEvent, useCallback, useRef } from "react";

export type Place = "before" | "after";

const rowAt = (x: number, y: number) =>
  document.elementFromPoint(x, y)?.closest<HTMLElement>("li[data-task-id]") ?? null;

function placeIn(row: HTMLElement, y: number): Place {
  const box = row.getBoundingClientRect();
  return y < box.top + box.height / 2 ? "before" : "after";
}

/** The drop line: above or below the row the pointer is over. */
function mark(target: HTMLElement | null, place: Place): void {
  for (const row of document.querySelectorAll(".drop-before, .drop-after"))
    row.classList.remove("drop-before", "drop-after");
  target?.classList.add(place === "before" ? "drop-before" : "drop-after");
}

/**
 * Drag a row by its handle with any pointer (mouse, pen, finger): pointer events
 * with capture, so touch screens work too (HTML5 drag and drop does not start from
 * touch in most mobile browsers). The row under the pointer shows where it lands.
 */
export function usePointerReorder(onDrop: (draggedId: string, targetId: string, place: Place) => void) {
  const state = useRef<{ id: string; target: HTMLElement | null; place: Place } | null>(null);

  const onPointerDown = useCallback((id: string, event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    state.current = { id, target: null, place: "before" };
    event.currentTarget.closest("li")?.classList.add("is-dragging");
  }, []);

  const onPointerMove = useCallback((event: PointerEvent<HTMLElement>) => {
    const drag = state.current;
    if (!drag) return;
    const row = rowAt(event.clientX, event.clientY);
    const target = row && row.dataset.taskId !== drag.id ? row : null;
    drag.target = target;
    drag.place = target ? placeIn(target, event.clientY) : "before";
    mark(target, drag.place);
  }, []);

  const onPointerUp = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const drag = state.current;
      state.current = null;
      mark(null, "before");
      event.currentTarget.closest("li")?.classList.remove("is-dragging");
      const targetId = drag?.target?.dataset.taskId;
      if (drag && targetId) onDrop(drag.id, targetId, drag.place);
    },
    [onDrop],
  );

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
