import type { QueryClient } from "@tanstack/react-query";
import type { Change } from "@todo/contract";
import type { Task } from "../tasks/model";
import { dropCached, keys, mapCachedTasks } from "../tasks/task-cache";

/**
 * Puts a page of the change feed into the query cache: a deleted task leaves every view at
 * once (never a ghost row), an upsert replaces the cached copy only when it is newer (a page
 * replayed twice, or one older than an optimistic answer, changes nothing). Returns whether a
 * refetch is needed to place what cannot be placed locally (new tasks, order, counts, lists).
 */
export function applyChanges(client: QueryClient, changes: Change[]): boolean {
  const gone = new Set<string>();
  const newer = new Map<string, Task>();
  for (const change of changes) {
    if (change.kind !== "task") continue;
    if (change.op === "delete") {
      gone.add(change.id);
      newer.delete(change.id);
    } else {
      gone.delete(change.id);
      newer.set(change.id, change.data as Task);
    }
  }
  if (gone.size > 0) dropCached(client, gone);
  if (newer.size > 0) {
    mapCachedTasks(client, (task) => {
      const next = newer.get(task.id);
      return next && next.version > task.version ? next : task;
    });
  }
  return changes.length > 0;
}

/** After changes arrived from elsewhere: the server says again what each view holds. */
export function refreshViews(client: QueryClient): void {
  for (const queryKey of [keys.tasks, keys.lists, keys.labels, keys.trash]) {
    void client.invalidateQueries({ queryKey }, { cancelRefetch: false });
  }
}
