import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Back } from "../sync/ops";
import { putBack } from "../sync/overlay";
import type { Page } from "./api-client";
import type { Task } from "./model";
import { keys } from "./task-cache";

type Pages = InfiniteData<Page<Task>, string | null>;

/** Where each task stands in every cached view, taken before a delete: Undo puts it back there. */
export function placesOf(client: QueryClient, tasks: Task[]): Back[] {
  const views = client.getQueriesData<Pages>({ queryKey: keys.tasks });
  return tasks.map((task) => {
    const at: Record<string, number> = {};
    for (const [queryKey, data] of views) {
      const index = data?.pages.flatMap((p) => p.items).findIndex((t) => t.id === task.id) ?? -1;
      if (index >= 0) at[JSON.stringify(queryKey)] = index;
    }
    return { task, at };
  });
}

/** Shows restored tasks at once where they stood (the first page holds them until the refetch). */
export function putBackCached(client: QueryClient, back: Back[]): void {
  for (const [queryKey, data] of client.getQueriesData<Pages>({ queryKey: keys.tasks })) {
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first) continue;
    const items = putBack(first.items, back, JSON.stringify(queryKey));
    if (items !== first.items) client.setQueryData<Pages>(queryKey, { ...data, pages: [{ ...first, items }, ...rest] });
  }
}
