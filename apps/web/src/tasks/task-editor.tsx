"use client";
import type { Task } from "@todo/contract";
import { type FocusEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { checkDescription, checkTitle } from "./task-input-rules";

interface Props {
  task: Task;
  /** `refocus`: the keyboard was in the editor, so focus goes back to the row. */
  onSave: (patch: { title: string; description: string | null }, refocus: boolean) => void;
  onCancel: (refocus: boolean) => void;
}

/** Edit in place: Enter (or leaving the fields) saves, Escape cancels. */
export function TaskEditor({ task, onSave, onCancel }: Props) {
  const id = useId();
  const [title, setTitle] = useState(task.title);
  const [note, setNote] = useState(task.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const done = useRef(false);

  const save = (refocus: boolean) => {
    if (done.current) return;
    const checkedTitle = checkTitle(title);
    const checkedNote = checkDescription(note);
    if (!checkedTitle.ok || !checkedNote.ok) {
      setError(checkedTitle.ok ? (checkedNote as { message: string }).message : checkedTitle.message);
      return;
    }
    done.current = true;
    onSave({ title: checkedTitle.value, description: checkedNote.value }, refocus);
  };

  const cancel = () => {
    done.current = true;
    onCancel(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "Enter" && (event.target instanceof HTMLInputElement || event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      save(true);
    }
  };

  // Blur saves, but moving between the two fields is not leaving the editor.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) save(false);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard handling for the fields inside.
    <div className="task-editor" onKeyDown={onKeyDown} onBlur={onBlur}>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        Task title
      </label>
      <input
        id={`${id}-title`}
        className="task-editor-title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this field.
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
      />
      <label htmlFor={`${id}-note`} className="visually-hidden">
        Task note
      </label>
      <textarea
        id={`${id}-note`}
        className="task-editor-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Note (optional)"
        rows={2}
      />
      <p id={`${id}-help`} className="field-hint">
        Enter saves · Esc cancels
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
