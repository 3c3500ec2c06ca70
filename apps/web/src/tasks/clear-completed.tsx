"use client";
import { BULK_MAX } from "@todo/contract/rules";
import { useState } from "react";
import type { Task } from "./model";
import { useTaskStore } from "./task-provider";
import { apiQuery, type View, type ViewOptions } from "./view";

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
  const { api, fail, timeZone } = useTaskStore();
  const [busy, setBusy] = useState(false);
  if (options.filter === "active") return null;

  const clear = async () => {
    setBusy(true);
    try {
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
      onRefused(fail(error));
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
