"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { signingOut } from "../lib/signing-out";
import { refreshViews } from "../sync/apply-changes";
import { applySent } from "../sync/apply-sent";
import { startLiveSync } from "../sync/live-sync";
import { Outbox, type OutboxState } from "../sync/outbox";
import { inOwnTask } from "../sync/own-task";
import { persistCache } from "../sync/persist-cache";
import { registerServiceWorker } from "../sync/service-worker";
import { createTaskApi, type TaskApi } from "./api-client";
import { ApiError } from "./api-error";
import type { FirstLists } from "./first-paint";
import type { Task } from "./model";
import { keys, refreshAll } from "./task-cache";
import { createTokenStore } from "./token-store";
import { browserTimeZone } from "./view";
import { rememberZoneOffset, type ZoneOffset } from "./zone-clock";

export type Outcome = { ok: true } | { ok: false; message: string };

interface RowError {
  message: string;
  /** "Not saved" because the API could not be reached: stale once it answers again. */
  offline: boolean;
}

interface Store {
  api: TaskApi;
  userId: string;
  /** The zone "today" is counted in: the account's (contract 10), else the browser's. */
  timeZone: string;
  client: QueryClient;
  outage: string | null;
  retry: () => Promise<void>;
  /** Sorts a failure into the right place; returns the text to show next to what failed. */
  fail: (error: unknown, rowId?: string) => string;
  rowErrors: Readonly<Record<string, RowError>>;
  dismissRowError: (id: string) => void;
  /** The last tasks deleted (one or many), while Undo is offered. */
  deleted: Task[] | null;
  setDeleted: (tasks: Task[] | null) => void;
  /** The write queue (ADR 0125) and what it holds now. */
  outbox: Outbox;
  sync: OutboxState;
}

const Context = createContext<Store | null>(null);

export function useTaskStore(): Store {
  const store = useContext(Context);
  if (!store) throw new Error("useTaskStore outside TaskProvider");
  return store;
}

const OFFLINE_TEXT = "Not saved: the task server can't be reached.";

/** One API client, one query cache and the shared error state for every task view. */
export function TaskProvider({
  apiUrl,
  userId,
  timeZone: saved,
  zoneOffset,
  first,
  children,
}: {
  apiUrl: string;
  userId: string;
  timeZone: string | null;
  /** The zone's offset while it holds, so today and the time need no Intl (ADR 0148). */
  zoneOffset?: ZoneOffset | null;
  /** The sidebar's lists and labels as the server rendered them (ADR 0137). */
  first?: FirstLists | null;
  children: ReactNode;
}) {
  // Before any child reads the clock; the same value every render, so a repeat is harmless.
  rememberZoneOffset(zoneOffset);
  const timeZone = saved ?? browserTimeZone();
  // Where the server read the change feed before its data (ADR 0153): the live sync starts there.
  const [firstCursor] = useState(() => first?.cursor ?? null);
  const [outage, setOutage] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, RowError>>({});
  const [deleted, setDeleted] = useState<Task[] | null>(null);
  // Read inside onAnswer, which runs on every response: only re-render when something is stale.
  const stale = useRef({ outage: false, rows: false });
  stale.current = { outage: outage !== null, rows: Object.values(rowErrors).some((e) => e.offline) };

  const outboxRef = useRef<Outbox | null>(null);
  const onAnswer = useCallback(() => {
    if (outboxRef.current?.snapshot().offline) void outboxRef.current.flush();
    if (stale.current.outage) setOutage(null);
    if (stale.current.rows) {
      setRowErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([, e]) => !e.offline)));
    }
  }, []);

  const api = useMemo(
    () => createTaskApi({ apiUrl, userId, tokens: createTokenStore(), onAnswer }),
    [apiUrl, userId, onAnswer],
  );
  const [client] = useState(() => {
    const made = new QueryClient({
      // Failures are shown (banner, row message) and retried by the person or on reconnect.
      defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
    });
    if (first) {
      made.setQueryData(keys.lists, first.lists, { updatedAt: first.at });
      made.setQueryData(keys.labels, first.labels, { updatedAt: first.at });
    }
    return made;
  });

  const failRef = useRef<(error: unknown, rowId?: string) => string>(() => "");
  const [outbox] = useState(() => {
    const made = new Outbox(api, userId, {
      sent(entry, answer) {
        applySent(client, entry, answer);
        // The queue is empty: the server says again where tasks belong, replacing any refetch
        // that started before this change was saved.
        if (made.snapshot().entries.length === 0) void refreshAll(client);
      },
      refused(entry, error) {
        failRef.current(error, entry.taskId);
        refreshViews(client);
      },
    });
    outboxRef.current = made;
    return made;
  });
  const sync = useSyncExternalStore(outbox.subscribe, outbox.snapshot, outbox.snapshot);

  const fail = useCallback((error: unknown, rowId?: string): string => {
    let message: string;
    let offline = false;
    if (error instanceof ApiError && error.kind === "session") {
      if (!signingOut.now)
        window.location.assign(
          `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
        );
      message = error.detail;
    } else if (error instanceof ApiError && error.kind === "refused") {
      message = error.detail;
    } else {
      setOutage(error instanceof ApiError ? error.detail : "Something unexpected went wrong.");
      message = OFFLINE_TEXT;
      offline = true;
    }
    if (rowId) setRowErrors((errors) => ({ ...errors, [rowId]: { message, offline } }));
    return message;
  }, []);

  failRef.current = fail;

  const dismissRowError = useCallback((id: string) => {
    setRowErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);

  const retry = useCallback(async () => {
    await outbox.flush();
    await refreshAll(client);
  }, [client, outbox]);

  // Waiting changes are tried again when the browser says it is back, and every few seconds.
  const waiting = sync.offline && sync.entries.length > 0;
  useEffect(() => {
    const firstFlush = inOwnTask(() => void outbox.flush());
    if (!waiting) return firstFlush;
    const again = () => void outbox.flush();
    const timer = setInterval(again, 5_000);
    window.addEventListener("online", again);
    return () => {
      firstFlush();
      clearInterval(timer);
      window.removeEventListener("online", again);
    };
  }, [waiting, outbox]);

  // Each start-up job in a task of its own, not in the one that commits hydration (ADR 0151).
  useEffect(
    () =>
      inOwnTask(() =>
        startLiveSync({ api, client, userId, busy: () => outbox.snapshot().entries.length > 0, cursor: firstCursor }),
      ),
    [api, client, userId, outbox, firstCursor],
  );
  useEffect(() => inOwnTask(() => persistCache(client, userId)), [client, userId]);
  useEffect(() => inOwnTask(registerServiceWorker), []);

  // Coming back online or to the tab is a good moment to try again by itself.
  useEffect(() => {
    if (!outage) return;
    const again = () => void retry();
    window.addEventListener("online", again);
    window.addEventListener("focus", again);
    return () => {
      window.removeEventListener("online", again);
      window.removeEventListener("focus", again);
    };
  }, [outage, retry]);

  const store = useMemo<Store>(
    () => ({
      api,
      userId,
      timeZone,
      client,
      outage,
      retry,
      fail,
      rowErrors,
      dismissRowError,
      deleted,
      setDeleted,
      outbox,
      sync,
    }),
    [api, userId, timeZone, client, outage, retry, fail, rowErrors, dismissRowError, deleted, outbox, sync],
  );
  return (
    <QueryClientProvider client={client}>
      <Context.Provider value={store}>{children}</Context.Provider>
    </QueryClientProvider>
  );
}
