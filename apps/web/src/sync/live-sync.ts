import type { QueryClient } from "@tanstack/react-query";
import type { TaskApi } from "../tasks/api-client";
import { ApiError } from "../tasks/api-error";
import { applyChanges, refreshViews } from "./apply-changes";
import { readEvents } from "./sse";

const RECONNECT_MS = 1_000;
const MAX_RECONNECT_MS = 15_000;

interface Options {
  api: TaskApi;
  client: QueryClient;
  userId: string;
  /** True while this tab's own changes are on their way: their answer refreshes the views then. */
  busy: () => boolean;
  /**
   * Where the server's render read the feed, before the data it handed over (ADR 0153): the first
   * pull brings every change since. Without one, the first pull only learns the current cursor.
   */
  cursor?: string | null;
}

/**
 * Live updates for one tab (contract 9, ADR 0126). One tab per browser and user holds the
 * `/events` stream (a Web Lock elects it; when it closes, the next waiting tab takes over) and
 * fans each poke out to the others over a BroadcastChannel. Every tab then pulls `/changes`
 * from its own cursor into its own cache. Returns the function that stops it all.
 */
export function startLiveSync({ api, client, userId, busy, cursor: rendered }: Options): () => void {
  const stop = new AbortController();
  const channel = new BroadcastChannel(`todo-sync:${userId}`);
  let cursor: string | null = rendered ?? null;
  let pulling: Promise<void> | null = null;
  let again = false;

  async function pullOnce(): Promise<void> {
    if (cursor === null) {
      cursor = (await api.changes(null)).cursor;
      return;
    }
    let changed = false;
    for (;;) {
      const page = await api.changes(cursor);
      changed = applyChanges(client, page.changes) || changed;
      cursor = page.cursor;
      if (!page.has_more) break;
    }
    // A refetch started now could answer without a change of ours still in flight; the outbox
    // refreshes once its queue is empty, so views are asked again only when nothing is pending.
    if (changed && !busy()) refreshViews(client);
  }

  /** Pulls until caught up; pokes arriving meanwhile coalesce into one more pull. */
  function pull(): Promise<void> {
    if (pulling) {
      again = true;
      return pulling;
    }
    pulling = (async () => {
      do {
        again = false;
        try {
          await pullOnce();
        } catch (error) {
          // 410: this tab was away longer than the feed keeps; start afresh from the server.
          if (error instanceof ApiError && error.status === 410) {
            cursor = null;
            refreshViews(client);
            again = true;
          } else {
            return; // Unreachable or refused: the next poke or "online" tries again.
          }
        }
      } while (again && !stop.signal.aborted);
    })().finally(() => {
      pulling = null;
    });
    return pulling;
  }

  const onPoke = (pokeCursor: unknown) => {
    if (typeof pokeCursor === "string" && pokeCursor === cursor) return;
    void pull();
  };
  channel.onmessage = (message: MessageEvent<{ cursor?: unknown }>) => onPoke(message.data?.cursor);

  async function holdStream(): Promise<void> {
    let delay = RECONNECT_MS;
    while (!stop.signal.aborted) {
      try {
        const response = await api.events(stop.signal);
        delay = RECONNECT_MS;
        await readEvents(response.body as ReadableStream<Uint8Array>, (event, data) => {
          if (event !== "change") return;
          const poke = JSON.parse(data) as { cursor?: unknown };
          channel.postMessage({ cursor: poke.cursor });
          onPoke(poke.cursor);
        });
        // The server ended it (its token expired): reconnect at once with a fresh token.
      } catch {
        if (stop.signal.aborted) return;
        delay = Math.min(delay * 2, MAX_RECONNECT_MS);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  if ("locks" in navigator) {
    navigator.locks.request(`todo-events:${userId}`, { signal: stop.signal }, holdStream).catch(() => {});
  } else {
    void holdStream(); // No Web Locks: each tab keeps its own stream, which still works.
  }
  const online = () => void pull();
  window.addEventListener("online", online);
  void pull();

  return () => {
    stop.abort();
    channel.close();
    window.removeEventListener("online", online);
  };
}
