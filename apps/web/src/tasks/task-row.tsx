"use client";
import { type KeyboardEvent, lazy, type MouseEvent, memo, type PointerEvent, Suspense } from "react";
import { History, Repeat } from "@/components/icons";
import { dueLabel } from "./due-label";
import type { Task } from "./model";
import type { TaskPatch } from "./task-detail";
import { isDraft } from "./use-task-actions";

// The edit panel (fields, labels, the repeat picker) is not in the first load (ADR 0130): it is
// fetched as soon as a row gets focus or the pointer, so it is there when Enter or a click opens it
// and no keystroke typed right after is lost.
let detailChunk: Promise<typeof import("./task-detail")> | undefined;
/** Once fetched, the panel renders at once (no Suspense round, which would drop a keystroke). */
let LoadedDetail: typeof import("./task-detail")["TaskDetail"] | undefined;
// A failed fetch (offline) is forgotten, so the next focus or click tries again.
const loadDetail = () =>
  (detailChunk ??= import("./task-detail").then(
    (m) => {
      LoadedDetail = m.TaskDetail;
      return m;
    },
    (error: unknown) => {
      detailChunk = undefined;
      throw error;
    },
  ));
export const preloadDetail = () => void loadDetail();
const LazyDetail = lazy(() => loadDetail().then((m) => ({ default: m.TaskDetail })));

// A rule in words: only rows of repeating tasks need the wording code, so it loads with the first one.
const RuleWords = lazy(() =>
  import("@todo/recurrence/describe").then((m) => ({ default: ({ rule }: { rule: string }) => m.describeRule(rule) })),
);

export const PRIORITY_NAMES = {
  1: "Priority 1 (urgent)",
  2: "Priority 2 (high)",
  3: "Priority 3 (medium)",
  4: "No priority",
};

export interface RowHandlers {
  onToggle: (task: Task) => void;
  onOpen: (task: Task | null) => void;
  onSave: (task: Task, patch: TaskPatch) => void;
  onDelete: (task: Task) => void;
  onSelect: (task: Task, how: "toggle" | "range") => void;
  onReorder: (task: Task, direction: -1 | 1) => void;
  /** Pointer handlers of the drag handle (manual order only). */
  drag: {
    onPointerDown: (id: string, event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: (event: PointerEvent<HTMLElement>) => void;
  };
  onDismissError: (id: string) => void;
}

interface Props extends RowHandlers {
  task: Task;
  listName: string | null;
  today: string;
  nowTime: string;
  editing: boolean;
  selecting: boolean;
  selected: boolean;
  manual: boolean;
  error: string | undefined;
}

export const TaskRow = memo(function TaskRow(props: Props) {
  const { task, editing, selecting, selected, manual, error } = props;
  const base = `task-${task.id}`;
  const draft = isDraft(task);
  const due = task.due_date ? dueLabel(task.due_date, task.due_time, props.today, props.nowTime) : null;

  // Shift+click selects a range, Ctrl/Cmd+click one more; `x` and the Select box do the same from keys.
  const onClick = (event: MouseEvent<HTMLLIElement>) => {
    if ((event.target as HTMLElement).closest("button, input, a, select, textarea, label")) return;
    if (event.shiftKey) props.onSelect(task, "range");
    else if (event.metaKey || event.ctrlKey || selecting) props.onSelect(task, "toggle");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (manual && event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      props.onReorder(task, event.key === "ArrowUp" ? -1 : 1);
    }
  };

  const classes = ["task-row", task.completed && "is-done", draft && "is-unsaved", selected && "is-selected"];
  return (
    <li
      className={classes.filter(Boolean).join(" ")}
      data-task-id={task.id}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={preloadDetail}
      onPointerEnter={preloadDetail}
    >
      {selecting ? (
        <input
          type="checkbox"
          className="select-check"
          checked={selected}
          aria-label={`Select “${task.title}”`}
          onChange={() => props.onSelect(task, "toggle")}
          onClick={(e) => {
            if (!e.shiftKey) return;
            e.preventDefault();
            props.onSelect(task, "range");
          }}
        />
      ) : null}
      {editing ? (
        <Suspense fallback={<span className="task-title">{task.title}</span>}>
          {LoadedDetail ? (
            <LoadedDetail
              task={task}
              onSave={(patch) => props.onSave(task, patch)}
              onCancel={() => props.onOpen(null)}
            />
          ) : (
            <LazyDetail task={task} onSave={(patch) => props.onSave(task, patch)} onCancel={() => props.onOpen(null)} />
          )}
        </Suspense>
      ) : (
        <>
          <input
            type="checkbox"
            id={`${base}-toggle`}
            className={`task-check priority-${task.priority}`}
            checked={task.completed}
            disabled={draft}
            aria-labelledby={`${base}-title`}
            aria-describedby={task.priority < 4 ? `${base}-priority` : undefined}
            onChange={() => props.onToggle(task)}
          />
          <div className="task-body">
            {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click is a shortcut; the Edit button is the accessible way. */}
            <span
              id={`${base}-title`}
              className="task-title"
              dir="auto"
              onDoubleClick={() => !draft && props.onOpen(task)}
            >
              {task.title}
            </span>
            {task.description ? (
              <p className="task-description" dir="auto">
                {task.description}
              </p>
            ) : null}
            <TaskMeta task={task} listName={props.listName} due={due} base={base} />
            {error ? (
              <p className="row-error" role="alert">
                <span>{error}</span>
                <button type="button" className="link-button" onClick={() => props.onDismissError(task.id)}>
                  Dismiss
                </button>
              </p>
            ) : null}
          </div>
          <div className="task-actions">
            {manual ? (
              // Pointer-only; the keyboard way is Alt+↑/↓ on the row, announced in the shortcuts.
              <span
                className="drag-handle row-icon icon-grip"
                title="Drag to reorder, or Alt+↑/↓"
                aria-hidden="true"
                onPointerDown={(e) => !draft && props.drag.onPointerDown(task.id, e)}
                onPointerMove={props.drag.onPointerMove}
                onPointerUp={props.drag.onPointerUp}
                onPointerCancel={props.drag.onPointerCancel}
              />
            ) : null}
            <button
              type="button"
              id={`${base}-edit`}
              className="icon-button row-icon icon-edit"
              aria-label={`Edit “${task.title}”`}
              disabled={draft}
              onClick={() => props.onOpen(task)}
            />
            <button
              type="button"
              className="icon-button icon-button-danger row-icon icon-delete"
              aria-label={`Delete “${task.title}”`}
              disabled={draft}
              onClick={() => props.onDelete(task)}
            />
          </div>
        </>
      )}
    </li>
  );
});

function TaskMeta({
  task,
  listName,
  due,
  base,
}: {
  task: Task;
  listName: string | null;
  due: ReturnType<typeof dueLabel> | null;
  base: string;
}) {
  const rule = task.recurrence;
  const past = task.recurring_task_id !== null;
  if (!due && !listName && task.labels.length === 0 && task.priority === 4 && !rule && !past) return null;
  return (
    <p className="task-meta">
      {due ? (
        <time
          className={`meta-due${due.overdue && !task.completed ? " is-overdue" : ""}`}
          dateTime={task.due_date ?? ""}
          title={due.long}
        >
          {due.text}
          {due.overdue && !task.completed ? <span className="visually-hidden"> (overdue)</span> : null}
        </time>
      ) : null}
      {rule ? (
        <span className="meta-repeat" title="Repeats">
          <Repeat />
          <span className="visually-hidden">Repeats: </span>
          <Suspense fallback={null}>
            <RuleWords rule={rule} />
          </Suspense>
        </span>
      ) : null}
      {past ? (
        <span className="meta-history" title="A completed occurrence of a repeating task">
          <History />
          Past occurrence
        </span>
      ) : null}
      {task.priority < 4 ? (
        <span id={`${base}-priority`} className={`meta-priority priority-${task.priority}`}>
          P{task.priority}
          <span className="visually-hidden"> {PRIORITY_NAMES[task.priority as 1 | 2 | 3]}</span>
        </span>
      ) : null}
      {listName ? (
        <span className="meta-list" dir="auto">
          # {listName}
        </span>
      ) : null}
      {task.labels.map((label) => (
        <span key={label} className="meta-label" dir="auto">
          @{label}
        </span>
      ))}
    </p>
  );
}
