"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { withPending } from "../sync/overlay";
import type { FirstPage } from "./first-paint";
import { keys } from "./task-cache";
import { useTaskStore } from "./task-provider";
import { apiQuery, nextPage, type View, type ViewOptions, viewKey } from "./view";

/**
 * One view's tasks, a page at a time (a short first one, then longer ones), following the
 * `Link: rel="next"` the API sends; `more()` asks for the next page.
 */
export function useViewTasks(view: View, options: ViewOptions, timeZone: string, first?: FirstPage | null) {
  const { api, fail, sync } = useTaskStore();
  const query = apiQuery(view, options, timeZone).toString();
  const queryKey = useMemo(() => keys.view(viewKey(view), query), [view, query]);
  const pages = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.tasks(pageParam ?? new URLSearchParams(query)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => nextPage(last.next),
    // The page the server rendered (ADR 0137): no second fetch, nothing redrawn.
    ...(first?.query === query
      ? { initialData: { pages: [first.page], pageParams: [null] }, initialDataUpdatedAt: first.at }
      : {}),
  });
  useEffect(() => {
    if (pages.error) fail(pages.error);
  }, [pages.error, fail]);

  // Changes still queued show on top of the server's copy (ADR 0125).
  const tasks = useMemo(
    () => withPending(pages.data?.pages.flatMap((p) => p.items) ?? [], sync.entries, JSON.stringify(queryKey)),
    [pages.data, sync.entries, queryKey],
  );
  const phase = pages.data ? "ready" : pages.isError ? "failed" : "loading";
  return {
    queryKey,
    tasks,
    phase,
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    more: () => {
      if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
    },
  } as const;
}
