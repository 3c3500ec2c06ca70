"use client";
import type { TaskUpdate } from "@todo/contract";
import { TITLE_MAX } from "@todo/contract/rules";
import { type KeyboardEvent, useId, useState } from "react";
import { LabelChips } from "./label-chips";
import type { Task } from "./model";
import { RecurrencePicker, type RuleChoice } from "./recurrence-picker";
import { checkDescription, checkTitle } from "./task-input-rules";
import { useTaskStore } from "./task-provider";
import { useLists } from "./use-lists";
import { todayInZone } from "./zone-clock";

export type TaskPatch = Omit<TaskUpdate, "completed">;

/** The counter shows once the title is within this many characters of the limit. */
const COUNTER_FROM = TITLE_MAX - 40;
const PRIORITIES = [
  [1, "P1 · Urgent"],
  [2, "P2 · High"],
  [3, "P3 · Medium"],
  [4, "P4 · None"],
] as const;

/** Only what changed, so an edit never overwrites a field someone else just changed. */
function changes(task: Task, next: Required<TaskPatch>): TaskPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const before = task[key as keyof Task];
    if (JSON.stringify(before) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch as TaskPatch;
}

/** Every field of one task, opened in place; Enter (in the title) saves, Escape cancels. */
export function TaskDetail({
  task,
  onSave,
  onCancel,
}: {
  task: Task;
  onSave: (patch: TaskPatch) => void;
  onCancel: () => void;
}) {
  const { timeZone } = useTaskStore();
  const lists = useLists();
  const id = useId();
  const [title, setTitle] = useState(task.title);
  const [note, setNote] = useState(task.description ?? "");
  const [listId, setListId] = useState(task.list_id ?? "");
  const [dueDate, setDueDate] = useState(task.due_date ?? "");
  const [dueTime, setDueTime] = useState(task.due_time ?? "");
  const [priority, setPriority] = useState(task.priority);
  const [labels, setLabels] = useState(task.labels);
  const [rule, setRule] = useState<RuleChoice>({ rule: task.recurrence, error: null });
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const checkedTitle = checkTitle(title);
    const checkedNote = checkDescription(note);
    if (!checkedTitle.ok) return setError(checkedTitle.message);
    if (!checkedNote.ok) return setError(checkedNote.message);
    if (rule.error) return setError(`Repeat: ${rule.error}`);
    onSave(
      changes(task, {
        title: checkedTitle.value,
        description: checkedNote.value,
        list_id: listId || null,
        due_date: dueDate || null,
        due_time: dueDate && dueTime ? dueTime : null,
        priority,
        labels,
        recurrence: rule.rule,
      }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (
      event.key === "Enter" &&
      ((event.target instanceof HTMLInputElement && event.target.type !== "checkbox") || event.metaKey || event.ctrlKey)
    ) {
      event.preventDefault();
      save();
    }
  };

  const length = [...title.trim()].length;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard handling for the fields inside.
    <div className="task-detail" onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        Task title
      </label>
      <input
        id={`${id}-title`}
        className="task-editor-title"
        value={title}
        dir="auto"
        onChange={(e) => setTitle(e.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this task.
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${length >= COUNTER_FROM ? ` ${id}-count` : ""}${error ? ` ${id}-error` : ""}`}
      />
      {length >= COUNTER_FROM ? (
        <p id={`${id}-count`} className={`char-count${length > TITLE_MAX ? " is-over" : ""}`} aria-live="polite">
          {length} / {TITLE_MAX}
        </p>
      ) : null}
      <label htmlFor={`${id}-note`} className="visually-hidden">
        Task note
      </label>
      <textarea
        id={`${id}-note`}
        className="task-editor-note"
        value={note}
        dir="auto"
        onChange={(e) => setNote(e.target.value)}
        placeholder="Note (optional)"
        rows={2}
      />
      <div className="detail-grid">
        <div className="field">
          <label htmlFor={`${id}-list`}>List</label>
          <select id={`${id}-list`} value={listId} onChange={(e) => setListId(e.target.value)}>
            <option value="">Inbox</option>
            {(lists.data ?? []).map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(Number(e.target.value))}>
            {PRIORITIES.map(([value, name]) => (
              <option key={value} value={value}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Due date</label>
          <input id={`${id}-date`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>Time</label>
          <input
            id={`${id}-time`}
            type="time"
            value={dueTime}
            disabled={!dueDate}
            onChange={(e) => setDueTime(e.target.value)}
          />
        </div>
        <RecurrencePicker
          initial={task.recurrence}
          day={dueDate || todayInZone(timeZone)}
          onChange={(choice) => {
            setRule(choice);
            // A rule repeats from a date (7.2): one picked with none set starts today.
            if (choice.rule && !dueDate) setDueDate(todayInZone(timeZone));
            setError(null);
          }}
        />
      </div>
      <LabelChips labels={labels} onChange={setLabels} />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="detail-actions">
        <p id={`${id}-help`} className="field-hint">
          Enter saves · Esc cancels
        </p>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={save}>
          Save
        </button>
      </div>
    </div>
  );
}
