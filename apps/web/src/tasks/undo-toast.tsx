"use client";
import { type RefObject, useEffect } from "react";
import { isTyping } from "./keys";
import type { Task } from "./model";

/** How long the toast stays when nobody looks at it; Ctrl/Cmd+Z works as long as it shows. */
const SHOW_MS = 10_000;

/**
 * "Deleted … Undo". Undo is a restore on the server, so it is immediate and every
 * device agrees; Ctrl/Cmd+Z does the same anywhere except inside a text field.
 */
export function UndoToast({
  tasks,
  onUndo,
  onDismiss,
  buttonRef,
}: {
  tasks: Task[] | null;
  onUndo: () => void;
  onDismiss: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}) {
  useEffect(() => {
    if (!tasks) return;
    const onKey = (event: KeyboardEvent) => {
      if (
        !isTyping(event.target) &&
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        event.key.toLowerCase() === "z"
      ) {
        event.preventDefault();
        onUndo();
      }
    };
    window.addEventListener("keydown", onKey);
    const timer = setTimeout(() => {
      if (!buttonRef.current?.matches(":focus, :hover")) onDismiss();
    }, SHOW_MS);
    return () => {
      window.removeEventListener("keydown", onKey);
      clearTimeout(timer);
    };
  }, [tasks, onUndo, onDismiss, buttonRef]);

  const first = tasks?.[0];
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {tasks && first ? (
        <div className="toast">
          <span className="toast-text">
            {tasks.length === 1 ? (
              <>
                Deleted <q dir="auto">{first.title}</q>
              </>
            ) : (
              `Deleted ${tasks.length} tasks`
            )}
          </span>
          <button
            ref={buttonRef}
            type="button"
            className="toast-action"
            onClick={onUndo}
            onKeyDown={(e) => e.key === "Escape" && onDismiss()}
            aria-keyshortcuts="Control+Z Meta+Z"
          >
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
