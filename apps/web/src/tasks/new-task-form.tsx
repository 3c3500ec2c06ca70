"use client";
import { type FormEvent, type KeyboardEvent, type Ref, useId, useState } from "react";
import { Note, Plus } from "@/components/icons";
import { checkDescription, checkTitle } from "./task-input-rules";
import type { Outcome } from "./task-provider";

interface Props {
  ref: Ref<HTMLInputElement>;
  onAdd: (title: string, description: string | null) => Promise<Outcome>;
}

/** One field at the top, focused on arrival: type, press Enter, keep going. */
export function NewTaskForm({ ref, onAdd }: Props) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [note, setNote] = useState("");
  const [noteOpen, setNoteOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const checkedTitle = checkTitle(title);
    const checkedNote = checkDescription(note);
    if (!checkedTitle.ok || !checkedNote.ok) {
      setError(checkedTitle.ok ? (checkedNote as { message: string }).message : checkedTitle.message);
      return;
    }
    setError(null);
    // Clear at once so the next task can be typed while this one is saved.
    setTitle("");
    setNote("");
    const result = await onAdd(checkedTitle.value, checkedNote.value);
    if (!result.ok) {
      // Give the text back unless something new was typed meanwhile.
      setTitle((current) => current || title);
      setNote((current) => current || note);
      if (note) setNoteOpen(true);
      setError(result.message);
    }
  };

  const onNoteKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void submit();
  };

  return (
    <form className="new-task" onSubmit={submit} noValidate>
      <div className="new-task-row">
        <label htmlFor={`${id}-title`} className="visually-hidden">
          New task
        </label>
        <input
          ref={ref}
          id={`${id}-title`}
          className="new-task-input"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          placeholder="What needs doing?"
          autoComplete="off"
          enterKeyHint="done"
          // Escape leaves the field (text kept), so the single-key shortcuts work again.
          onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()}
          // biome-ignore lint/a11y/noAutofocus: the list page exists to capture tasks; focus on arrival is the design.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button
          type="button"
          className="icon-button"
          aria-expanded={noteOpen}
          aria-controls={`${id}-note`}
          onClick={() => setNoteOpen((open) => !open)}
          title="Add a note"
        >
          <Note />
          <span className="visually-hidden">{noteOpen ? "Hide note" : "Add a note"}</span>
        </button>
        <button type="submit" className="button button-primary new-task-submit">
          <Plus />
          <span className="new-task-submit-label">Add</span>
        </button>
      </div>
      <div id={`${id}-note`} hidden={!noteOpen} className="new-task-note">
        <label htmlFor={`${id}-note-input`} className="visually-hidden">
          Note (optional)
        </label>
        <textarea
          id={`${id}-note-input`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={onNoteKey}
          placeholder="Add a note (optional). Ctrl+Enter adds the task."
          rows={2}
        />
      </div>
      <p id={`${id}-error`} className="field-error new-task-error" role="alert">
        {error ?? ""}
      </p>
    </form>
  );
}
