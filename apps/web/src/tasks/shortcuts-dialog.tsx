"use client";
import { type RefObject, useEffect } from "react";

export const SHORTCUTS: readonly [string, string][] = [
  ["n or q", "New task"],
  ["/", "Search"],
  ["j / k", "Next / previous task"],
  ["x", "Select or unselect the task"],
  ["Shift+click", "Select a range"],
  ["e", "Edit the task"],
  ["#", "Delete the task"],
  ["Ctrl+Z or ⌘Z", "Undo a delete"],
  ["Alt+↑ / Alt+↓", "Move the task (sort: My order)"],
  ["g then i / t / u", "Go to Inbox / Today / Upcoming"],
  ["?", "Show these shortcuts"],
];

/** `?` opens it; a native modal dialog, so Escape and focus return come from the browser. */
export function ShortcutsDialog({ dialogRef }: { dialogRef: RefObject<HTMLDialogElement | null> }) {
  useEffect(() => {
    const dialog = dialogRef.current;
    const onClick = (event: MouseEvent) => event.target === dialog && dialog?.close();
    dialog?.addEventListener("click", onClick);
    return () => dialog?.removeEventListener("click", onClick);
  }, [dialogRef]);
  return (
    <dialog ref={dialogRef} className="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button button-primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
