import type { BulkSet, ChangePage, Problem, Task, TaskCreate, TaskUpdate } from "@todo/contract";
import { PROBLEM_CONTENT_TYPE } from "@todo/contract/rules";
import { ApiError, sessionEnded, unreachable } from "./api-error";
import type { LabelInfo, TaskListInfo, TrashedTask } from "./model";
import type { TokenStore } from "./token-store";

const TIMEOUT_MS = 10_000;
/** A 429 asking for a short wait is waited out once; a longer one is told to the person. */
const MAX_BACKOFF_SECONDS = 5;

const retryAfterSeconds = (response: Response) => {
  const value = Number(response.headers.get("retry-after"));
  return Number.isFinite(value) && value > 0 ? value : 1;
};

async function problemOf(response: Response): Promise<ApiError> {
  // A gateway in front of a stopped API answers 502/503/504 without our problem body.
  const gatewayDown = [502, 503, 504].includes(response.status);
  const type = response.headers.get("content-type") ?? "";
  if (type.includes(PROBLEM_CONTENT_TYPE) || type.includes("application/json")) {
    const body = (await response.json().catch(() => null)) as Partial<Problem> | null;
    if (typeof body?.detail === "string") {
      const { detail, errors } = body;
      const field = errors?.[0];
      const text = field && !detail.includes(field.message) ? `${detail} (${field.field}: ${field.message})` : detail;
      const current = response.status === 412 ? (body as { current?: unknown }).current : undefined;
      const problem = {
        ...(typeof body.type === "string" ? { type: body.type } : {}),
        ...(response.headers.has("retry-after") ? { retryAfter: retryAfterSeconds(response) } : {}),
      };
      return new ApiError(gatewayDown ? "unreachable" : "refused", response.status, text, current, problem);
    }
  }
  if (gatewayDown) return unreachable();
  return new ApiError(
    "refused",
    response.status,
    `The task server answered ${response.status} ${response.statusText}`.trim(),
  );
}

/** The `rel="next"` target of a Link header (RFC 8288), if any. */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2] ?? "")) return match[1] ?? null;
  }
  return null;
}

export interface Page<T> {
  items: T[];
  /** Absolute URL of the next page, or null on the last one. */
  next: string | null;
}

export type BulkAction =
  | { action: "complete" | "reopen" | "delete" | "restore" }
  | { action: "move"; list_id: string | null }
  | { action: "update"; set: BulkSet };

export interface Options {
  apiUrl: string;
  userId: string;
  tokens: TokenStore;
  /** Called whenever the API answered at all: the connection is back. */
  onAnswer?: () => void;
}

/** The typed client of the task API (contract sections 4 and 6), one user at a time. */
export function createTaskApi(options: Options) {
  const origin = new URL(options.apiUrl).origin;
  const root = `${options.apiUrl.replace(/\/$/, "")}/api/${encodeURIComponent(options.userId)}`;

  async function send(
    method: string,
    target: string,
    body?: unknown,
    keepalive = false,
    retried = false,
    backedOff = false,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const url =
      target.startsWith("/") && !target.startsWith("/api/") ? `${root}${target}` : new URL(target, origin).href;
    // The token only ever goes to the API's own origin, whatever a Link header says.
    if (new URL(url).origin !== origin) throw new ApiError("refused", 0, "The task server sent a link elsewhere.");
    const token = await options.tokens.get();
    const headers: Record<string, string> = { ...extra, authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        cache: "no-store",
        keepalive,
        signal: keepalive ? null : AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      throw unreachable(timedOut ? "The task server is taking too long to answer." : undefined);
    }
    if (![502, 503, 504].includes(response.status)) options.onAnswer?.();
    if (response.status === 401) {
      // Expired or rotated: fetch a fresh token once, then give up.
      if (retried) throw sessionEnded();
      options.tokens.invalidate();
      return send(method, target, body, keepalive, true, backedOff, extra);
    }
    if (response.status === 429) {
      // The API's per-user budget (contract 3b): honour Retry-After instead of hammering it.
      const wait = retryAfterSeconds(response);
      if (!backedOff && !keepalive && wait <= MAX_BACKOFF_SECONDS) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        return send(method, target, body, keepalive, retried, true, extra);
      }
      throw new ApiError(
        "refused",
        429,
        `You are making changes faster than the server accepts. Wait ${Math.ceil(wait)} s and try again.`,
      );
    }
    if (!response.ok) throw await problemOf(response);
    return response;
  }

  // The API's answers are the contract's own shapes, read as such: re-checking every task with
  // zod cost the browser zod itself and main-thread time per page (ADR 0135).
  const json = async <T>(response: Response): Promise<T> => response.json() as Promise<T>;
  const task = (response: Response) => json<Task>(response);
  const at = (id: string) => `/tasks/${encodeURIComponent(id)}`;

  async function page<T>(target: string): Promise<Page<T>> {
    const response = await send("GET", target);
    const next = nextLink(response.headers.get("link"));
    return { items: await json<T[]>(response), next: next ? new URL(next, origin).href : null };
  }

  return {
    /** One page of a view: `query` for the first, the previous page's `next` after that. */
    tasks(queryOrNext: URLSearchParams | string): Promise<Page<Task>> {
      const target = typeof queryOrNext === "string" ? queryOrNext : `/tasks?${queryOrNext}`;
      return page<Task>(target);
    },
    async list(): Promise<Task[]> {
      return (await this.tasks(new URLSearchParams())).items;
    },
    async create(input: TaskCreate): Promise<Task> {
      return task(await send("POST", "/tasks", input));
    },
    async update(id: string, patch: TaskUpdate): Promise<Task> {
      return task(await send("PUT", at(id), patch));
    },
    async setCompleted(id: string, completed: boolean): Promise<Task> {
      return task(await send("PATCH", `${at(id)}/complete`, { completed }));
    },
    async remove(id: string): Promise<void> {
      try {
        await send("DELETE", at(id));
      } catch (error) {
        // Already gone (another tab deleted it) is what we wanted.
        if (error instanceof ApiError && error.status === 404) return;
        throw error;
      }
    },
    trash(next?: string): Promise<Page<TrashedTask>> {
      return page<TrashedTask>(next ?? "/trash");
    },
    async emptyTrash(): Promise<void> {
      await send("DELETE", "/trash");
    },
    async lists(): Promise<TaskListInfo[]> {
      return json<TaskListInfo[]>(await send("GET", "/lists"));
    },
    async renameLabel(name: string, to: string): Promise<void> {
      await send("PUT", `/labels/${encodeURIComponent(name)}`, { name: to });
    },
    async deleteLabel(name: string): Promise<void> {
      await send("DELETE", `/labels/${encodeURIComponent(name)}`);
    },
    /**
     * One queued write (contract 8): `Idempotency-Key` makes a resend harmless, `If-Match` puts it
     * only onto the version it was made against. Answers the JSON body, or null for 204.
     */
    async write(method: string, target: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
      const response = await send(method, target, body, false, false, false, headers);
      return response.status === 204 ? null : json(response);
    },
    /** Contract 9: what changed after `since` (no `since`: just the current cursor). Light shape check only (bundle). */
    async changes(since: string | null): Promise<ChangePage> {
      const body = (await json(
        await send("GET", since ? `/changes?since=${encodeURIComponent(since)}` : "/changes"),
      )) as ChangePage;
      if (!Array.isArray(body?.changes) || typeof body.cursor !== "string")
        throw unreachable("The change feed answered oddly.");
      return body;
    },
    /** Opens `/events` (a fetch, since EventSource cannot send the token); the caller reads the body. */
    async events(signal: AbortSignal): Promise<Response> {
      for (const retried of [false, true]) {
        const token = await options.tokens.get();
        const response = await fetch(`${root}/events`, {
          headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
          cache: "no-store",
          signal,
        });
        if (response.status === 401 && !retried) {
          options.tokens.invalidate();
          continue;
        }
        if (!response.ok || !response.body) throw await problemOf(response);
        return response;
      }
      throw sessionEnded();
    },
    async labels(): Promise<LabelInfo[]> {
      return json<LabelInfo[]>(await send("GET", "/labels"));
    },
  };
}

export type TaskApi = ReturnType<typeof createTaskApi>;
