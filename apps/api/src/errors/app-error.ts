import type { FieldError } from "@todo/contract";

/** Every failure the API reports on purpose. The HTTP mapping lives in problem.ts only. */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, title: "Bad Request" },
  UNAUTHORIZED: { status: 401, title: "Unauthorized" },
  FORBIDDEN: { status: 403, title: "Forbidden" },
  NOT_FOUND: { status: 404, title: "Not Found" },
  METHOD_NOT_ALLOWED: { status: 405, title: "Method Not Allowed" },
  CONFLICT: { status: 409, title: "Conflict" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "Payload Too Large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: "Unsupported Media Type" },
  VALIDATION: { status: 422, title: "Unprocessable Content" },
  UNAVAILABLE: { status: 503, title: "Service Unavailable" },
  INTERNAL: { status: 500, title: "Internal Server Error" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** For 401: the RFC 6750 error attribute; undefined when no credentials were sent. */
  readonly bearerError: "invalid_token" | "invalid_request" | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    extra: { errors?: FieldError[]; bearerError?: "invalid_token" | "invalid_request"; cause?: unknown } = {},
  ) {
    super(detail, { cause: extra.cause });
    this.code = code;
    this.errors = extra.errors;
    this.bearerError = extra.bearerError;
  }
}
