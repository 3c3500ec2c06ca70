"use client";
import type { Task } from "@todo/contract";
import { memo, useState } from "react";
import { Pencil, Trash } from "@/components/icons";
import { TaskEditor } from "./task-editor";
import type { Outcome } from "./use-tasks";

interface Props {
  task: Task;
  unsaved: boolean;
  error: string | undefined;
  onToggle: (task: Task) => Promise<Outcome>;
  onEdit: (task: Task, patch: { title: string; description: string | null }) => Promise<Outcome>;
  onDelete: (task: Task) => void;
  onDismissError: (id: string) => void;
}

export const TaskItem = memo(function TaskItem({
  task,
  unsaved,
  error,
  onToggle,
  onEdit,
  onDelete,
  onDismissError,
}: Props) {
  const [editing, setEditing] = useState(false);
  const base = `task-${task.id}`;

  const close = (refocus: boolean) => {
    setEditing(false);
    if (refocus) requestAnimationFrame(() => document.getElementById(`${base}-edit`)?.focus());
  };

  return (
    <li className={`task-row${task.completed ? " is-done" : ""}${unsaved ? " is-unsaved" : ""}`} data-task-id={task.id}>
      {editing ? (
        <TaskEditor
          task={task}
          onCancel={close}
          onSave={(patch, refocus) => {
            close(refocus);
            if (patch.title !== task.title || patch.description !== task.description) void onEdit(task, patch);
          }}
        />
      ) : (
        <>
          <input
            type="checkbox"
            id={`${base}-toggle`}
            className="task-check"
            checked={task.completed}
            disabled={unsaved}
            aria-labelledby={`${base}-title`}
            onChange={() => void onToggle(task)}
          />
          <div className="task-body">
            {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click is a shortcut; the Edit button is the accessible way. */}
            <span id={`${base}-title`} className="task-title" onDoubleClick={() => !unsaved && setEditing(true)}>
              {task.title}
            </span>
            {task.description ? <p className="task-description">{task.description}</p> : null}
            {error ? (
              <p className="row-error" role="alert">
                <span>{error}</span>
                <button type="button" className="link-button" onClick={() => onDismissError(task.id)}>
                  Dismiss
                </button>
              </p>
            ) : null}
          </div>
          <div className="task-actions">
            <button
              type="button"
              id={`${base}-edit`}
              className="icon-button"
              aria-label={`Edit “${task.title}”`}
              disabled={unsaved}
              onClick={() => setEditing(true)}
            >
              <Pencil />
            </button>
            <button
              type="button"
              className="icon-button icon-button-danger"
              aria-label={`Delete “${task.title}”`}
              disabled={unsaved}
              onClick={() => onDelete(task)}
            >
              <Trash />
            </button>
          </div>
        </>
      )}
    </li>
  );
});
