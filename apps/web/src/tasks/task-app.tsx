"use client";
import type { Task } from "@todo/contract";
import { useSearchParams } from "next/navigation";
import { useCallback, useRef } from "react";
import { NewTaskForm } from "./new-task-form";
import { OutageBanner } from "./outage-banner";
import { TaskFilters } from "./task-filters";
import { TaskItem } from "./task-item";
import { parseFilter, tasksLeftLabel, visibleTasks } from "./task-list-state";
import { TaskSkeleton } from "./task-skeleton";
import { UndoToast } from "./undo-toast";
import { useTasks } from "./use-tasks";

const EMPTY_TEXT = {
  all: { title: "Nothing here yet", hint: "Type your first task above and press Enter." },
  active: { title: "All done", hint: "Nothing left to do. Enjoy the quiet." },
  completed: { title: "Nothing completed yet", hint: "Tick a task's circle when it's done and it shows up here." },
} as const;

export function TaskApp({ apiUrl, userId }: { apiUrl: string; userId: string }) {
  const tasks = useTasks(apiUrl, userId);
  const filter = parseFilter(useSearchParams().get("filter"));
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = visibleTasks(tasks.tasks, filter);

  const shownRef = useRef(shown);
  shownRef.current = shown;

  const remove = useCallback(
    (task: Task) => {
      // Focus moves to the neighbouring row (not the text field, which would pop up
      // a phone's keyboard); Undo stays one Ctrl+Z away.
      const ids = shownRef.current.map((t) => t.id);
      const at = ids.indexOf(task.id);
      const neighbour = ids[at + 1] ?? ids[at - 1];
      tasks.remove(task);
      requestAnimationFrame(() => {
        const target = neighbour ? document.getElementById(`task-${neighbour}-toggle`) : inputRef.current;
        target?.focus();
      });
    },
    [tasks.remove],
  );

  const undo = useCallback(() => {
    const restored = tasks.undo();
    if (restored) requestAnimationFrame(() => document.getElementById(`task-${restored.id}-toggle`)?.focus());
  }, [tasks.undo]);

  return (
    <div className="task-app">
      <h1 className="visually-hidden">Your tasks</h1>
      {tasks.outage ? <OutageBanner message={tasks.outage} onRetry={tasks.retry} /> : null}
      <NewTaskForm ref={inputRef} onAdd={tasks.add} />
      <div className="list-toolbar">
        <p className="tasks-left" aria-live="polite">
          {tasks.phase === "ready" && tasks.tasks.length > 0 ? tasksLeftLabel(tasks.tasks) : "\u00a0"}
        </p>
        <TaskFilters current={filter} />
      </div>
      <section aria-label="Tasks" aria-busy={tasks.phase === "loading"}>
        {tasks.phase === "loading" ? <TaskSkeleton /> : null}
        {tasks.phase === "failed" ? (
          <p className="empty-state">Your tasks will appear here as soon as the server answers.</p>
        ) : null}
        {tasks.phase === "ready" && shown.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">{EMPTY_TEXT[filter].title}</p>
            <p>{EMPTY_TEXT[filter].hint}</p>
          </div>
        ) : null}
        {tasks.phase === "ready" && shown.length > 0 ? (
          <ul className="task-list">
            {shown.map((task) => (
              <TaskItem
                key={task.id}
                task={task}
                unsaved={tasks.unsaved.has(task.id)}
                error={tasks.rowErrors[task.id]}
                onToggle={tasks.toggle}
                onEdit={tasks.edit}
                onDelete={remove}
                onDismissError={tasks.dismissRowError}
              />
            ))}
          </ul>
        ) : null}
      </section>
      <UndoToast task={tasks.recentlyDeleted} onUndo={undo} />
    </div>
  );
}
