import {
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  type Task,
  type TaskCreate,
  TaskListSchema,
  TaskSchema,
  type TaskUpdate,
} from "@todo/contract";
import { ApiError, sessionEnded, unreachable } from "./api-error";
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
    const parsed = ProblemSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) {
      const { detail, errors } = parsed.data;
      const field = errors?.[0];
      const text = field && !detail.includes(field.message) ? `${detail} (${field.field}: ${field.message})` : detail;
      return new ApiError(gatewayDown ? "unreachable" : "refused", response.status, text);
    }
  }
  if (gatewayDown) return unreachable();
  return new ApiError(
    "refused",
    response.status,
    `The task server answered ${response.status} ${response.statusText}`.trim(),
  );
}

/** The typed client of the task API (contract section 4), one user at a time. */
export function createTaskApi(options: { apiUrl: string; userId: string; tokens: TokenStore }) {
  const base = `${options.apiUrl}/api/${encodeURIComponent(options.userId)}/tasks`;

  async function send(
    method: string,
    path: string,
    body: unknown,
    keepalive: boolean,
    retried = false,
    backedOff = false,
  ): Promise<Response> {
    const token = await options.tokens.get();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
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
    if (response.status === 401) {
      // Expired or rotated: fetch a fresh token once, then give up.
      if (retried) throw sessionEnded();
      options.tokens.invalidate();
      return send(method, path, body, keepalive, true, backedOff);
    }
    if (response.status === 429) {
      // The API's per-user budget (contract 3b): honour Retry-After instead of hammering it.
      const wait = retryAfterSeconds(response);
      if (!backedOff && !keepalive && wait <= MAX_BACKOFF_SECONDS) {
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        return send(method, path, body, keepalive, retried, true);
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

  const json = async (response: Response): Promise<unknown> => response.json();

  return {
    async list(): Promise<Task[]> {
      return TaskListSchema.parse(await json(await send("GET", "", undefined, false)));
    },
    async create(input: TaskCreate): Promise<Task> {
      return TaskSchema.parse(await json(await send("POST", "", input, false)));
    },
    async update(id: string, patch: TaskUpdate): Promise<Task> {
      return TaskSchema.parse(await json(await send("PUT", `/${encodeURIComponent(id)}`, patch, false)));
    },
    async setCompleted(id: string, completed: boolean): Promise<Task> {
      const path = `/${encodeURIComponent(id)}/complete`;
      return TaskSchema.parse(await json(await send("PATCH", path, { completed }, false)));
    },
    /** keepalive lets a delete still pending when the page closes reach the API. */
    async remove(id: string, keepalive = false): Promise<void> {
      try {
        await send("DELETE", `/${encodeURIComponent(id)}`, undefined, keepalive);
      } catch (error) {
        // Already gone is what we wanted.
        if (error instanceof ApiError && error.status === 404) return;
        throw error;
      }
    },
  };
}

export type TaskApi = ReturnType<typeof createTaskApi>;
