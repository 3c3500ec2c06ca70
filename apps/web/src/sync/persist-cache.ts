import { type DehydratedState, dehydrate, hydrate, type QueryClient } from "@tanstack/react-query";
import { createStore, get, set } from "idb-keyval";

/** Soon after a change, without resetting: a reload right after a change still finds it. */
const SAVE_WITHIN_MS = 100;

/**
 * Keeps the answered queries in IndexedDB (ADR 0128), so a reload without a connection shows the
 * person's tasks as last seen instead of an empty page. Restoring never replaces fresher data:
 * `hydrate` only fills queries older than the saved copy (a failed one has none), and only
 * happens when the browser is offline or a query failed.
 */
export function persistCache(client: QueryClient, userId: string): () => void {
  if (typeof indexedDB === "undefined") return () => {};
  const store = createStore("todo-cache", "queries");
  // Shown only when the server cannot answer: online, a reload always shows fresh data, never a
  // stale order first. Offline (the browser says so) it is used at once.
  let saved: DehydratedState | undefined;
  const restore = () => {
    if (saved) hydrate(client, saved);
  };
  void get<DehydratedState>(userId, store)
    .then((state) => {
      saved = state;
      if (
        !navigator.onLine ||
        client
          .getQueryCache()
          .getAll()
          .some((q) => q.state.status === "error")
      )
        restore();
    })
    .catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    // A query whose last refetch failed (the connection just dropped) still holds good data: keep
    // it too, as data only (its error object need not survive).
    const state = dehydrate(client, { shouldDehydrateQuery: (query) => query.state.data !== undefined });
    const kept = state.queries.map(({ promise: _, ...query }) => ({
      ...query,
      state: { ...query.state, status: "success", fetchStatus: "idle", error: null, fetchFailureReason: null },
    }));
    void set(userId, { mutations: [], queries: kept }, store).catch(() => {});
  };
  // Every answer and every optimistic change is a "success" update of a query.
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated") return;
    if (event.action.type === "success") timer ??= setTimeout(save, SAVE_WITHIN_MS);
    else if (event.action.type === "error" && event.query.state.data === undefined) restore();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
