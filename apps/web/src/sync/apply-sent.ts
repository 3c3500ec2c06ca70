import type { QueryClient } from "@tanstack/react-query";
import type { Task, TaskListInfo } from "../tasks/model";
import { dropCached, keys, mapCachedTasks, replaceCached } from "../tasks/task-cache";
import type { Pending } from "./ops";

/** Puts the server's answer to a queued change in the cache (null: it is gone elsewhere). */
export function applySent(client: QueryClient, entry: Pending, answer: unknown): void {
  switch (entry.op) {
    case "create":
      if (answer) mapCachedTasks(client, (t) => (t.id === entry.taskId ? (answer as Task) : t));
      return;
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
