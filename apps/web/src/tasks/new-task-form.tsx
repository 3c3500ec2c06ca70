"use client";
import type { TaskCreate } from "@todo/contract";
import { type FormEvent, type KeyboardEvent, type Ref, useId, useState } from "react";
import { Note, Plus } from "@/components/icons";
import { HighlightedInput } from "./quick-add/highlighted-input";
import { useQuickAdd } from "./quick-add/use-quick-add";
import { checkDescription, checkTitle } from "./task-input-rules";
import { type Outcome, useTaskStore } from "./task-provider";
import { useLists } from "./use-lists";
import { todayInZone } from "./zone-clock";

interface Props {
  ref: Ref<HTMLInputElement>;
  /** What the current view fills in when the line does not say (its list, label or day). */
  defaults: Partial<Pick<TaskCreate, "list_id" | "labels" | "due_date">>;
  onAdd: (input: TaskCreate) => Promise<Outcome>;
}

const ONLY_PARTS =
  "Only a date, list, label or rule was recognised: add what the task is, or press Backspace after a highlight to keep it as text.";

/**
 * One field at the top, focused on arrival: type a line such as `Pay rent every month on the
 * 1st p1 #Home @bills`, see what was recognised, press Enter, keep going.
 */
export function NewTaskForm({ ref, defaults, onAdd }: Props) {
  const id = useId();
  const { timeZone } = useTaskStore();
  const lists = useLists().data ?? [];
  const quick = useQuickAdd(timeZone, lists);
  const { draft, parsed } = quick;
  const [note, setNote] = useState("");
  const [noteOpen, setNoteOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState("");

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const sent = draft;
    const { line, toTask } = await quick.readNow();
    const checkedTitle = checkTitle(line.title);
    const checkedNote = checkDescription(note);
    if (!checkedTitle.ok || !checkedNote.ok) {
      const onlyParts = !checkedTitle.ok && sent.text.trim() !== "" && line.tokens.length > 0;
      setError(
        checkedTitle.ok ? (checkedNote as { message: string }).message : onlyParts ? ONLY_PARTS : checkedTitle.message,
      );
      return;
    }
    setError(null);
    // Clear at once so the next task can be typed while this one is saved.
    quick.setDraft({ text: "", literal: [] });
    setNote("");
    const result = await onAdd(toTask(checkedTitle.value, checkedNote.value, defaults));
    if (!result.ok) {
      // Give the line back (with what was kept as text) unless something new was typed meanwhile.
      quick.setDraft((current) => (current.text ? current : sent));
      setNote((current) => current || note);
      if (note) setNoteOpen(true);
      setError(result.message);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const field = event.currentTarget;
    if (event.key === "Escape") {
      // Escape clears a typed line; on an empty field it leaves it, so single-key shortcuts work.
      if (draft.text) quick.setDraft({ text: "", literal: [] });
      else field.blur();
      setError(null);
      return;
    }
    quick.wake();
    if (event.key !== "Backspace" || !parsed || field.selectionStart !== field.selectionEnd) return;
    // Backspace right after a highlight turns it back into plain text; the next one deletes.
    const token = parsed.tokens.find((t) => t.end === field.selectionStart);
    if (!token) return;
    event.preventDefault();
    quick.keepLiteral(token);
    setSaid(`“${draft.text.slice(token.start, token.end)}” kept as text`);
  };

  return (
    <form className="new-task" onSubmit={submit} noValidate>
      <div className="new-task-row">
        <label htmlFor={`${id}-title`} className="visually-hidden">
          New task
        </label>
        <HighlightedInput
          ref={ref}
          id={`${id}-title`}
          className="new-task-input"
          value={draft.text}
          tokens={parsed?.tokens ?? []}
          onChange={(e) => {
            quick.setText(e.target.value);
            if (error) setError(null);
          }}
          onPointerDown={quick.wake}
          placeholder="What needs doing?"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="done"
          onKeyDown={onKeyDown}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-parts${error ? ` ${id}-error` : ""}`}
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
      {quick.Chips ? (
        <quick.Chips
          id={`${id}-parts`}
          parsed={parsed}
          text={draft.text}
          today={todayInZone(timeZone)}
          lists={lists}
          onKeep={(token) => {
            quick.keepLiteral(token);
            setSaid(`“${draft.text.slice(token.start, token.end)}” kept as text`);
          }}
        />
      ) : (
        <ul id={`${id}-parts`} className="part-chips" aria-label="Recognised parts" />
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      <div id={`${id}-note`} hidden={!noteOpen} className="new-task-note">
        <label htmlFor={`${id}-note-input`} className="visually-hidden">
          Note (optional)
        </label>
        <textarea
          id={`${id}-note-input`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.metaKey || e.ctrlKey) && void submit()}
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
