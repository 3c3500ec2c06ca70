import { PROBLEM_CONTENT_TYPE, type Problem } from "@todo/contract";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@todo/db";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, ERROR_CODES, type ErrorCode } from "./app-error.ts";
import { fromDatabaseError } from "./database-error.ts";

const typeFor = (code: ErrorCode) => `urn:todo:problem:${code.toLowerCase().replaceAll("_", "-")}`;

export function problemBody(error: AppError, requestId?: string): Problem {
  const { status, title } = ERROR_CODES[error.code];
  return {
    ...error.members,
    type: typeFor(error.code),
    title,
    status,
    detail: error.message,
    ...(requestId ? { request_id: requestId } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export function problemResponse(c: Context, error: AppError): Response {
  const body = problemBody(error, c.get("requestId"));
  const headers: Record<string, string> = { ...error.headers, "Content-Type": PROBLEM_CONTENT_TYPE };
  if (error.code === "UNAUTHORIZED") {
    headers["WWW-Authenticate"] = error.bearerError
      ? `Bearer realm="todo-api", error="${error.bearerError}"`
      : `Bearer realm="todo-api"`;
  }
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** Turns anything thrown into problem JSON. Unknown errors are logged, never echoed. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fromDatabase = fromDatabaseError(error);
  if (fromDatabase) return fromDatabase;
  if (error instanceof HTTPException) {
    const byStatus: Partial<Record<number, ErrorCode>> = {
      400: "BAD_REQUEST",
      413: "PAYLOAD_TOO_LARGE",
      415: "UNSUPPORTED_MEDIA_TYPE",
    };
    const code = byStatus[error.status];
    if (code) return new AppError(code, error.message || ERROR_CODES[code].title);
  }
  // The database restarting or gone (a Neon compute restart, scale-to-zero) is an outage to
  // wait out, not a bug: 503 with Retry-After, and the pool reconnects by itself.
  if (isDatabaseUnavailable(error)) {
    return new AppError("UNAVAILABLE", "The database is not reachable right now. Try again in a moment.", {
      headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) },
      cause: error,
    });
  }
  return new AppError(
    "INTERNAL",
    "Something went wrong on our side. Try again; if it keeps happening, report the request id.",
    {
      cause: error,
    },
  );
}
