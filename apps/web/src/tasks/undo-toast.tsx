"use client";
import type { Task } from "@todo/contract";
import { useEffect } from "react";

/** "Deleted … Undo", also on Ctrl/Cmd+Z while no text field has focus. */
export function UndoToast({ task, onUndo }: { task: Task | null; onUndo: () => void }) {
  useEffect(() => {
    if (!task) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest("input, textarea, select, [contenteditable]");
      if (!typing && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        onUndo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [task, onUndo]);

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {task ? (
        <div className="toast">
          <span className="toast-text">
            Deleted <q>{task.title}</q>
          </span>
          <button type="button" className="toast-action" onClick={onUndo}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
