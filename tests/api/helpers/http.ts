import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Task } from "@todo/contract";
import { expect } from "vitest";
import type { AppEnv } from "../../../apps/api/src/lib/context.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

export interface CallOptions {
  token?: string;
  /** Sent as JSON (with Content-Type: application/json) unless it is already a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request through the app's real fetch handler (routing, middleware, validation, SQL). */
export function call(
  app: OpenAPIHono<AppEnv>,
  method: Method,
  path: string,
  { token, body, headers = {} }: CallOptions = {},
): Promise<Response> {
  const h: Record<string, string> = {};
  if (token !== undefined) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h["content-type"] = "application/json";
  const init: RequestInit = { method, headers: { ...h, ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return Promise.resolve(app.request(path, init));
}

export const tasksPath = (userId: string) => `/api/${userId}/tasks`;
export const taskPath = (userId: string, id: string) => `/api/${userId}/tasks/${id}`;

export async function createTask(
  app: OpenAPIHono<AppEnv>,
  userId: string,
  token: string,
  body: Record<string, unknown> = { title: "a task" },
): Promise<Task> {
  const res = await call(app, "POST", tasksPath(userId), { token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Task;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  request_id?: string;
  errors?: { field: string; message: string }[];
}

// Things that only appear in an error body when internals leak.
const LEAKS = [/\n\s+at /, /\bat .+\.(ts|js):\d+/, /\bselect\b/i, /\binsert into\b/i, /\bupdate "?task/i, /postgres/i];

/**
 * Asserts an RFC 9457 problem response with the given status, and that it leaks
 * no stack frame or SQL; returns the parsed body for further checks.
 */
export async function expectProblem(res: Response, status: number): Promise<ProblemBody> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json\b/);
  const body = JSON.parse(text) as ProblemBody;
  expect(body.status).toBe(status);
  expect(typeof body.type).toBe("string");
  expect(body.type.length).toBeGreaterThan(0);
  expect(typeof body.title).toBe("string");
  expect(body.title.length).toBeGreaterThan(0);
  expect(typeof body.detail).toBe("string");
  expect(body.detail.length).toBeGreaterThan(0);
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
  if (status === 422) {
    expect(Array.isArray(body.errors)).toBe(true);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const e of body.errors ?? []) {
      expect(typeof e.field).toBe("string");
      expect(typeof e.message).toBe("string");
    }
  }
  return body;
}

/** A 422 whose `errors` names `field`; returns that entry's message. */
export async function expectFieldError(res: Response, field: string): Promise<string> {
  const body = await expectProblem(res, 422);
  const entry = body.errors?.find((e) => e.field === field);
  expect(entry, JSON.stringify(body.errors)).toBeDefined();
  return entry?.message ?? "";
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** RFC 3339 date-time in UTC (Z), as the contract requires. */
export const RFC3339_UTC_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
