import type { FieldError } from "@todo/contract";

/** Every failure the API reports on purpose. The HTTP mapping lives in problem.ts only. */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, title: "Bad Request" },
  UNAUTHORIZED: { status: 401, title: "Unauthorized" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  QUOTA_EXCEEDED: { status: 403, title: "Quota Exceeded" },
  NOT_FOUND: { status: 404, title: "Not Found" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method Not Allowed" },
  CONFLICT: { status: 409, title: "Conflict" },
  // A request with the same Idempotency-Key is still running: wait and repeat, not a refusal (ADR 0150).
  STILL_RUNNING: { status: 409, title: "Still Running" },
  GONE: { status: 410, title: "Gone" },
  PRECONDITION_FAILED: { status: 412, title: "Precondition Failed" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "Payload Too Large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported Media Type" },
  VALIDATION: { status: 422, title: "Unprocessable Content" },
  TOO_MANY_REQUESTS: { status: 429, title: "Too Many Requests" },
  UNAVAILABLE: { status: 503, title: "Service Unavailable" },
  // nginx's convention: the client hung up; nobody reads this answer, the log does.
  CLIENT_CLOSED: { status: 499, title: "Client Closed Request" },
  INTERNAL: { status: 500, title: "Internal Server Error" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** For 401: the RFC 6750 error attribute; undefined when no credentials were sent. */
  readonly bearerError: "invalid_token" | "invalid_request" | undefined;
  /** Extra response headers (Retry-After, RateLimit…), set by whoever knows them. */
  readonly headers: Record<string, string>;
  /** Extra problem members (RFC 9457 extensions), e.g. `current` on a 412. */
  readonly members: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail: string,
    extra: {
      errors?: FieldError[];
      bearerError?: "invalid_token" | "invalid_request";
      headers?: Record<string, string>;
      members?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(detail, { cause: extra.cause });
    this.code = code;
    this.errors = extra.errors;
    this.bearerError = extra.bearerError;
    this.headers = extra.headers ?? {};
    this.members = extra.members ?? {};
  }
}
