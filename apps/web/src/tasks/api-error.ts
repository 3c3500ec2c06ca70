/**
 * What can go wrong talking to the API, as the interface needs to tell it apart:
 * - "refused": the API answered and said no; `detail` is its own words.
 * - "unreachable": no answer (network, API down, gateway error, timeout).
 * - "session": the session is gone; the visitor must sign in again.
 */
export type ApiErrorKind = "refused" | "unreachable" | "session";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly detail: string,
    /** A 412's `current` member: the resource as the server has it now (contract 8). */
    readonly current?: unknown,
    /**
     * The problem's `type` and the answer's `Retry-After` (seconds): a 409 of type
     * `urn:todo:problem:still-running` is a wait, not a refusal (ADR 0150).
     */
    readonly problem: { type?: string; retryAfter?: number } = {},
  ) {
    super(detail);
  }
}

export const unreachable = (detail = "We can't reach the task server right now.") =>
  new ApiError("unreachable", 0, detail);
export const sessionEnded = () => new ApiError("session", 401, "Your session has ended. Please sign in again.");
