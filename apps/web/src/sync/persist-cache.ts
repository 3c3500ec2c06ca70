import { dehydrate, hydrate, type QueryClient } from "@tanstack/react-query";
import { createStore, get, set } from "idb-keyval";

const SAVE_AFTER_MS = 500;

/**
 * Keeps the answered queries in IndexedDB (ADR 0128), so a reload without a connection shows the
 * person's tasks as last seen instead of an empty page. Restoring never replaces fresher data:
 * `hydrate` only fills queries older than the saved copy (a failed one has none).
 */
export function persistCache(client: QueryClient, userId: string): () => void {
  if (typeof indexedDB === "undefined") return () => {};
  const store = createStore("todo-cache", "queries");
  let timer: ReturnType<typeof setTimeout> | undefined;
  void get(userId, store)
    .then((saved) => {
      if (saved) hydrate(client, saved);
    })
    .catch(() => {});
  const save = () => {
    // A query whose last refetch failed (the connection just dropped) still holds good data: keep it too.
    const state = dehydrate(client, { shouldDehydrateQuery: (query) => query.state.data !== undefined });
    void set(userId, state, store).catch(() => {});
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
