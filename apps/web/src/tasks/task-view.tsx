"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PendingBanner } from "../sync/pending-banner";
import { ClearCompleted } from "./clear-completed";
import type { FirstPage } from "./first-paint";
import { LoadMore } from "./load-more";
import type { Task, TaskListInfo } from "./model";
import { NewTaskForm } from "./new-task-form";
import { OutageBanner } from "./outage-banner";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { keys } from "./task-cache";
import { useTaskStore } from "./task-provider";
import { preloadDetail, type RowHandlers, TaskRow } from "./task-row";
import { TaskSkeleton } from "./task-skeleton";
import { UndoToast } from "./undo-toast";
import { type Place, usePointerReorder } from "./use-pointer-reorder";
import { useRowFocus } from "./use-row-focus";
import { useSelection } from "./use-selection";
import { useShortcuts } from "./use-shortcuts";
import { isDraft, useTaskActions } from "./use-task-actions";
import { useViewTasks } from "./use-view-tasks";
import { defaultsFor, parseOptions, type View } from "./view";
import { ViewHeader } from "./view-header";
import { ViewToolbar } from "./view-toolbar";
import { timeInZone, todayInZone } from "./zone-clock";

// Only shown once something is selected: loaded then, not with the page.
// `loading` gives it a Suspense boundary of its own, so the rest of the page never waits for it.
// One import expression for it and its preload below, so both name the same chunk.
const loadBulkBar = () => import("./bulk-bar");
const BulkBar = dynamic(() => loadBulkBar().then((m) => m.BulkBar), { loading: () => null });
/**
 * The edit panel and the bulk bar are not in the first load, but they are fetched soon after, while
 * the network is there: a person who goes offline at once can still open a task and edit it, or
 * select several, and the offline queue takes the change. The quick-add reader is not: it is
 * larger (rrule and chrono-node), running it would block the page just after load, and the
 * service worker keeps it with every other file of the build for use offline (ADR 0147).
 */
function usePreloadedPanels() {
  useEffect(() => {
    // After the page's own load, so it never competes with the first paint or counts in it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      timer = setTimeout(() => {
        preloadDetail();
        // The bulk bar too: selecting and acting on several tasks works offline (ADR 0140).
        loadBulkBar().catch(() => {});
      }, 0);
    };
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
    return () => {
      window.removeEventListener("load", start);
      clearTimeout(timer);
    };
  }, []);
}

// A conflict is rare: its view loads when one happens, not with the page.
const ConflictView = dynamic(() => import("../sync/conflict-view").then((m) => m.ConflictView), {
  loading: () => null,
});

const EMPTY_TEXT = {
  all: { title: "Nothing here yet", hint: "Type your first task above and press Enter." },
  active: { title: "All done", hint: "Nothing left to do. Enjoy the quiet." },
  completed: { title: "Nothing completed yet", hint: "Tick a task's circle when it's done and it shows up here." },
  search: { title: "No matches", hint: "No task here has every word you typed." },
} as const;

/** One view of tasks (Inbox, Today, Upcoming, a list, a label): the page people live in. */
export function TaskView({ view, first }: { view: View; first?: FirstPage | null }) {
  usePreloadedPanels();
  const store = useTaskStore();
  const actions = useTaskActions();
  const options = parseOptions(view, useSearchParams());
  const data = useViewTasks(view, options, store.timeZone, first);
  const lists = useQuery({ queryKey: keys.lists, queryFn: () => store.api.lists() });
  const order = useMemo(() => data.tasks.map((t) => t.id), [data.tasks]);
  const selection = useSelection(order);
  const [selecting, setSelecting] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  /** A refusal that belongs to no single row (an undo, clearing completed tasks). */
  const [notice, setNotice] = useState<string | null>(null);
  // The connection is back: a "Not saved" here is stale (and a refusal is old news).
  useEffect(() => {
    if (!store.outage) setNotice(null);
  }, [store.outage]);
  const inputRef = useRef<HTMLInputElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const focus = useRowFocus(order);
  const zone = store.timeZone;
  const today = todayInZone(zone);
  const nowTime = timeInZone(zone);
  const manual = options.sort === "manual";
  const listNames = useMemo(() => new Map((lists.data ?? []).map((l) => [l.id, l.name])), [lists.data]);

  const tasksRef = useRef(data.tasks);
  tasksRef.current = data.tasks;
  const byId = useCallback((id: string) => tasksRef.current.find((t) => t.id === id), []);

  const remove = useCallback(
    (tasks: Task[]) => {
      focus.remember(tasks[0]?.id);
      void actions.remove(tasks);
      // The deleted control is gone: Undo takes the focus, one key away from bringing it back.
      requestAnimationFrame(() => undoRef.current?.focus());
    },
    [actions, focus],
  );

  const undo = useCallback(() => {
    const tasks = store.deleted;
    if (!tasks) return;
    void actions.restore(tasks).then((outcome) => {
      if (outcome.ok) focus.to(tasks[0]?.id);
      else setNotice(outcome.message);
    });
  }, [actions, store.deleted, focus]);

  const drag = usePointerReorder(
    useCallback(
      (draggedId: string, targetId: string, place: Place) => {
        const task = byId(draggedId);
        if (task) void actions.move(task, place === "before" ? { before: targetId } : { after: targetId });
      },
      [actions, byId],
    ),
  );

  const { setDeleted } = store;
  const dismissUndo = useCallback(() => setDeleted(null), [setDeleted]);

  const handlers = useMemo<RowHandlers>(
    () => ({
      onToggle: (task) => void actions.toggle(task),
      onOpen: (task) => {
        const closing = editingId;
        setEditingId(task?.id ?? null);
        if (!task && closing) focus.to(closing, "edit");
      },
      onSave: (task, patch) => {
        setEditingId(null);
        focus.to(task.id, "edit");
        if (Object.keys(patch).length > 0) void actions.edit(task, patch);
      },
      onDelete: (task) => remove([task]),
      onSelect: (task, how) => {
        setSelecting(true);
        if (how === "range") selection.range(task.id);
        else selection.toggle(task.id);
      },
      onReorder: (task, direction) => {
        const at = order.indexOf(task.id);
        const neighbour = order[at + direction];
        if (!neighbour) return;
        // The focus stays on the row as it is redrawn, not once the server answers (ADR 0148).
        focus.follow(task.id);
        void actions.move(task, direction < 0 ? { before: neighbour } : { after: neighbour });
      },
      drag,
      onDismissError: store.dismissRowError,
    }),
    [actions, drag, editingId, focus, order, remove, selection, store.dismissRowError],
  );

  useShortcuts({
    newTask: () => inputRef.current?.focus(),
    search: () => document.getElementById("task-search")?.focus(),
    step: (delta) => focus.step(delta),
    select: () => {
      const id = focus.current();
      if (id) handlers.onSelect(byId(id) as Task, "toggle");
    },
    edit: () => {
      const task = byId(focus.current() ?? "");
      if (task && !isDraft(task)) setEditingId(task.id);
    },
    remove: () => {
      const task = byId(focus.current() ?? "");
      if (task && !isDraft(task)) remove([task]);
    },
    help: () => dialogRef.current?.showModal(),
  });

  const waiting = store.sync.offline ? store.sync.entries.filter((e) => e.conflict === undefined).length : 0;
  const conflict = store.sync.entries.find((e) => e.conflict !== undefined);
  const listName = (id: string | null) =>
    id === null
      ? "Inbox"
      : (store.client.getQueryData<TaskListInfo[]>(keys.lists)?.find((l) => l.id === id)?.name ?? id);

  const selected = data.tasks.filter((t) => selection.selected.has(t.id));
  const open = data.tasks.filter((t) => !t.completed).length;
  const empty = options.q.trim() ? EMPTY_TEXT.search : EMPTY_TEXT[options.filter];

  return (
    <div className="task-app">
      <ViewHeader view={view} />
      {waiting > 0 ? (
        <PendingBanner count={waiting} onRetry={store.retry} />
      ) : store.outage ? (
        <OutageBanner message={store.outage} onRetry={store.retry} />
      ) : null}
      {conflict ? (
        <ConflictView
          key={conflict.key}
          entry={conflict}
          listName={listName}
          onChoose={(choice) => void store.outbox.resolve(conflict.key, choice)}
        />
      ) : null}
      <NewTaskForm
        ref={inputRef}
        defaults={defaultsFor(view, zone)}
        onAdd={(input) => actions.add(data.queryKey, input)}
      />
      <ViewToolbar view={view} options={options} />
      <div className="list-toolbar">
        <p className="tasks-left" aria-live="polite">
          {data.phase === "ready" && data.tasks.length > 0
            ? `${open}${data.hasMore ? "+" : ""} ${open === 1 && !data.hasMore ? "task" : "tasks"} left`
            : "\u00a0"}
        </p>
        <div className="list-toolbar-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={selecting}
            onClick={() => {
              if (selecting) selection.clear();
              setSelecting(!selecting);
            }}
          >
            Select
          </button>
          <ClearCompleted view={view} options={options} onCleared={(tasks) => remove(tasks)} onRefused={setNotice} />
          <button
            type="button"
            className="button button-quiet shortcuts-button"
            onClick={() => dialogRef.current?.showModal()}
          >
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
      </div>
      {selection.selected.size > 0 ? (
        <BulkBar
          count={selection.selected.size}
          onSelectAll={selection.all}
          onClear={() => {
            selection.clear();
            setSelecting(false);
          }}
          onAction={(action) => {
            if (action.action !== "delete") return actions.bulk(selected, action);
            remove(selected);
            selection.clear();
            return Promise.resolve({ ok: true });
          }}
        />
      ) : null}
      {notice ? (
        <p className="row-error" role="alert">
          <span>{notice}</span>
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
      <section aria-label="Tasks" aria-busy={data.phase === "loading"}>
        {data.phase === "loading" ? <TaskSkeleton /> : null}
        {data.phase === "failed" ? (
          <p className="empty-state">Your tasks will appear here as soon as the server answers.</p>
        ) : null}
        {data.phase === "ready" && data.tasks.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">{empty.title}</p>
            <p>{empty.hint}</p>
          </div>
        ) : null}
        {data.tasks.length > 0 ? (
          <ul className="task-list">
            {data.tasks.map((task) => (
              <TaskRow
                key={task.id}
                task={task}
                listName={view.kind === "list" || !task.list_id ? null : (listNames.get(task.list_id) ?? null)}
                today={today}
                nowTime={nowTime}
                editing={editingId === task.id}
                selecting={selecting || selection.selected.size > 0}
                selected={selection.selected.has(task.id)}
                manual={manual}
                error={store.rowErrors[task.id]?.message}
                {...handlers}
              />
            ))}
          </ul>
        ) : null}
        <LoadMore hasMore={data.hasMore} loading={data.loadingMore} onMore={data.more} />
      </section>
      <UndoToast tasks={store.deleted} onUndo={undo} onDismiss={dismissUndo} buttonRef={undoRef} />
      <ShortcutsDialog dialogRef={dialogRef} />
    </div>
  );
}
