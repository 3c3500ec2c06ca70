import type { QueryClient } from "@tanstack/react-query";
import type { Task, TaskListInfo } from "../tasks/model";
import { dropCached, keys, mapCachedTasks, prependCached, replaceCached } from "../tasks/task-cache";
import type { Pending } from "./ops";

/** Puts the server's answer to a queued change in the cache (null: it is gone elsewhere). */
export function applySent(client: QueryClient, entry: Pending, answer: unknown): void {
  switch (entry.op) {
    case "create": {
      if (!answer) return;
      let cached = false;
      mapCachedTasks(client, (t) => {
        if (t.id !== entry.taskId) return t;
        cached = true;
        return answer as Task;
      });
      // After a reload the draft lived only in the queue's overlay (withPending), not in any
      // cached page: the saved task takes its place at the top of the view it was added in, or
      // the row would vanish with the queue entry until the view's refetch arrived.
      if (!cached) prependCached(client, JSON.parse(entry.viewKey) as unknown[], answer as Task);
      return;
    }
    case "bulk": {
      const tasks = (answer as { tasks?: Task[] } | null)?.tasks ?? [];
      // After "take theirs" (conflict still set) the server's copies come back instead.
      if (entry.body.action === "delete" && entry.conflict === undefined) dropCached(client, Object.keys(entry.bases));
      else replaceCached(client, tasks);
      return;
    }
    case "list-create":
    case "list-update":
    case "list-delete":
      listSent(client, entry, answer as TaskListInfo | null);
      return;
    default:
      if (answer) replaceCached(client, [answer as Task]);
      else dropCached(client, [entry.taskId]);
  }
}

function listSent(client: QueryClient, entry: Pending, list: TaskListInfo | null): void {
  client.setQueryData<TaskListInfo[]>(keys.lists, (lists) => {
    if (!lists) return lists;
    const rest = lists.filter((l) => l.id !== entry.taskId && l.id !== list?.id);
    return list ? [...rest, list] : rest;
  });
  // A list made offline is open under its draft id: the address now names the saved list.
  if (entry.op === "list-create" && list && window.location.pathname.includes(entry.taskId)) {
    window.history.replaceState(null, "", window.location.href.replace(entry.taskId, list.id));
  }
}
