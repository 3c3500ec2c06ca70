"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { restoring } from "../sync/overlay";
import { LoadMore } from "./load-more";
import type { Task } from "./model";
import { OutageBanner } from "./outage-banner";
import { keys, refreshAll } from "./task-cache";
import { useTaskStore } from "./task-provider";
import { TaskSkeleton } from "./task-skeleton";
import { useTaskActions } from "./use-task-actions";
import { ViewHeader } from "./view-header";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Deleted tasks, newest deletion first, kept 30 days: restore one, or empty it all. */
export function TrashView() {
  const { api, client, fail, outage, retry, sync } = useTaskStore();
  const actions = useTaskActions();
  const pages = useInfiniteQuery({
    queryKey: keys.trash,
    queryFn: ({ pageParam }) => api.trash(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A restore still waiting to be sent (offline) has already left the trash for the person.
  const waiting = useMemo(() => restoring(sync.entries), [sync.entries]);
  const tasks = (pages.data?.pages.flatMap((p) => p.items) ?? []).filter((t) => !waiting.has(t.id));

  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setNotice(null);
      await refreshAll(client);
    } catch (error) {
      setNotice(fail(error));
    }
  };

  return (
    <div className="task-app">
      <ViewHeader view={{ kind: "trash" }} />
      {outage ? <OutageBanner message={outage} onRetry={retry} /> : null}
      <div className="list-toolbar">
        <p className="tasks-left">Deleted tasks stay here for 30 days.</p>
        {tasks.length > 0 ? (
          confirming ? (
            <div className="list-toolbar-actions">
              <span>Delete them for good?</span>
              <button
                type="button"
                className="button button-danger"
                onClick={() => act(api.emptyTrash).then(() => setConfirming(false))}
              >
                Empty trash
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                Keep them
              </button>
            </div>
          ) : (
            <button type="button" className="button button-quiet" onClick={() => setConfirming(true)}>
              Empty trash…
            </button>
          )
        ) : null}
      </div>
      {notice ? (
        <p className="row-error" role="alert">
          {notice}
        </p>
      ) : null}
      <section aria-label="Deleted tasks" aria-busy={pages.isPending}>
        {pages.isPending ? <TaskSkeleton /> : null}
        {pages.data && tasks.length === 0 ? (
          <div className="empty-state">
            <p className="empty-title">The trash is empty</p>
            <p>Deleted tasks wait here for 30 days, in case you want them back.</p>
          </div>
        ) : null}
        {tasks.length > 0 ? (
          <ul className="task-list">
            {tasks.map((task) => (
              <li key={task.id} className="task-row trash-row" data-task-id={task.id}>
                <div className="task-body">
                  <span className="task-title" dir="auto">
                    {task.title}
                  </span>
                  <p className="task-meta">Deleted {dateTime.format(new Date(task.deleted_at))}</p>
                </div>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={`Restore “${task.title}”`}
                  onClick={() =>
                    void actions.restore([task as unknown as Task]).then((outcome) => {
                      setNotice(outcome.ok ? null : outcome.message);
                    })
                  }
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <LoadMore
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      </section>
    </div>
  );
}
