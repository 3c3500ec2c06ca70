import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { Page } from "./api-client";
import type { Task } from "./model";

/** Query keys: every cached view of tasks sits under "tasks", so one call refreshes them all. */
export const keys = {
  tasks: ["tasks"] as const,
  view: (view: string, query: string) => ["tasks", view, query] as const,
  trash: ["trash"] as const,
  lists: ["lists"] as const,
  labels: ["labels"] as const,
};

type Pages = InfiniteData<Page<Task>, string | null>;

/** Rewrites every cached task page at once (an optimistic change shows in every view). */
export function mapCachedTasks(client: QueryClient, change: (task: Task) => Task | null): void {
  client.setQueriesData<Pages>({ queryKey: keys.tasks }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.flatMap((t) => {
              const next = change(t);
              return next ? [next] : [];
            }),
          })),
        }
      : data,
  );
}

/** Rewrites every cached page's rows as a whole (a move reorders them at once). */
export function mapCachedPages(client: QueryClient, change: (items: Task[]) => Task[]): void {
  client.setQueriesData<Pages>({ queryKey: keys.tasks }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) } : data,
  );
}

export const replaceCached = (client: QueryClient, saved: Task[]) => {
  const byId = new Map(saved.map((t) => [t.id, t]));
  mapCachedTasks(client, (t) => byId.get(t.id) ?? t);
};

export const dropCached = (client: QueryClient, ids: Iterable<string>) => {
  const gone = new Set(ids);
  mapCachedTasks(client, (t) => (gone.has(t.id) ? null : t));
};

/** Puts a task at the top of one view's first page (a new task shows where it was typed). */
export function prependCached(client: QueryClient, queryKey: readonly unknown[], task: Task): void {
  client.setQueryData<Pages>(queryKey, (data) => {
    if (!data) return data;
    const [first, ...rest] = data.pages;
    if (!first) return data;
    return { ...data, pages: [{ ...first, items: [task, ...first.items.filter((t) => t.id !== task.id)] }, ...rest] };
  });
}

/** After a change the server decides where tasks belong (sorts, counts, filters): ask again. */
export function refreshAll(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.tasks }),
    client.invalidateQueries({ queryKey: keys.lists }),
    client.invalidateQueries({ queryKey: keys.labels }),
    client.invalidateQueries({ queryKey: keys.trash }),
  ]).then(() => undefined);
}
