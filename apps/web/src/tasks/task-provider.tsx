"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { startLiveSync } from "../sync/live-sync";
import { createTaskApi, type TaskApi } from "./api-client";
import { ApiError } from "./api-error";
import type { Task } from "./model";
import { refreshAll } from "./task-cache";
import { createTokenStore } from "./token-store";
import { browserTimeZone } from "./view";

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
  children,
}: {
  apiUrl: string;
  userId: string;
  timeZone: string | null;
  children: ReactNode;
}) {
  const timeZone = saved ?? browserTimeZone();
  const [outage, setOutage] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, RowError>>({});
  const [deleted, setDeleted] = useState<Task[] | null>(null);
  // Read inside onAnswer, which runs on every response: only re-render when something is stale.
  const stale = useRef({ outage: false, rows: false });
  stale.current = { outage: outage !== null, rows: Object.values(rowErrors).some((e) => e.offline) };

  const onAnswer = useCallback(() => {
    if (stale.current.outage) setOutage(null);
    if (stale.current.rows) {
      setRowErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([, e]) => !e.offline)));
    }
  }, []);

  const api = useMemo(
    () => createTaskApi({ apiUrl, userId, tokens: createTokenStore(), onAnswer }),
    [apiUrl, userId, onAnswer],
  );
  const [client] = useState(
    () =>
      new QueryClient({
        // Failures are shown (banner, row message) and retried by the person or on reconnect.
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
      }),
  );

  const fail = useCallback((error: unknown, rowId?: string): string => {
    let message: string;
    let offline = false;
    if (error instanceof ApiError && error.kind === "session") {
      window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
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

  const dismissRowError = useCallback((id: string) => {
    setRowErrors(({ [id]: _gone, ...rest }) => rest);
  }, []);

  const retry = useCallback(() => refreshAll(client), [client]);

  useEffect(() => startLiveSync({ api, client, userId }), [api, client, userId]);

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
    () => ({ api, userId, timeZone, client, outage, retry, fail, rowErrors, dismissRowError, deleted, setDeleted }),
    [api, userId, timeZone, client, outage, retry, fail, rowErrors, dismissRowError, deleted],
  );
  return (
    <QueryClientProvider client={client}>
      <Context.Provider value={store}>{children}</Context.Provider>
    </QueryClientProvider>
  );
}
