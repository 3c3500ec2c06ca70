"use client";
import type { InfiniteData } from "@tanstack/react-query";
import { BULK_MAX } from "@todo/contract/rules";
import { useState } from "react";
import { withPending } from "../sync/overlay";
import type { Page } from "./api-client";
import { ApiError } from "./api-error";
import type { Task } from "./model";
import { keys } from "./task-cache";
import { useTaskStore } from "./task-provider";
import { apiQuery, type View, type ViewOptions, viewKey } from "./view";

/**
 * Moves every completed task of this view to the trash (with Undo), not only the
 * rows loaded so far: it walks the view's completed pages first.
 */
export function ClearCompleted({
  view,
  options,
  onCleared,
  onRefused,
}: {
  view: View;
  options: ViewOptions;
  onCleared: (tasks: Task[]) => void;
  onRefused: (message: string) => void;
}) {
  const { api, client, fail, timeZone, outbox } = useTaskStore();
  const [busy, setBusy] = useState(false);
  if (options.filter === "active") return null;

  const cachedCompleted = () => {
    const queryKey = keys.view(viewKey(view), apiQuery(view, options, timeZone).toString());
    const pages = client.getQueryData<InfiniteData<Page<Task>>>(queryKey)?.pages ?? [];
    const tasks = withPending(
      pages.flatMap((p) => p.items),
      outbox.snapshot().entries,
      JSON.stringify(queryKey),
    );
    return tasks.filter((t) => t.completed);
  };

  const clear = async () => {
    setBusy(true);
    try {
      // The server's list is only the whole truth once it has what is still queued: an Undo
      // pressed just before would otherwise bring back tasks the server did not count as done.
      await outbox.flush();
      if (outbox.snapshot().entries.length > 0) {
        // Offline, or a conflict waiting: what this device shows, as with an unreachable server.
        const shown = cachedCompleted();
        if (shown.length > 0) onCleared(shown.slice(0, BULK_MAX));
        return;
      }
      const query = apiQuery(view, { ...options, filter: "completed" }, timeZone);
      query.set("limit", "200");
      const done: Task[] = [];
      let page = await api.tasks(query);
      done.push(...page.items);
      while (page.next && done.length < BULK_MAX) {
        page = await api.tasks(page.next);
        done.push(...page.items);
      }
      if (done.length > 0) onCleared(done.slice(0, BULK_MAX));
    } catch (error) {
      // Offline: the completed tasks this device has of the view, as shown; their delete is queued.
      const shown = error instanceof ApiError && error.kind === "unreachable" ? cachedCompleted() : [];
      if (shown.length > 0) onCleared(shown.slice(0, BULK_MAX));
      else onRefused(fail(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button button-quiet" onClick={clear} disabled={busy}>
      Clear completed
    </button>
  );
}
