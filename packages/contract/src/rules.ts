/**
 * The contract without zod: what a browser needs (field rules, limits, the calendar day)
 * at a fraction of the weight. `@todo/contract/rules`; the full contract re-exports it.
 */
export * from "./field-rules.ts";
export * from "./text-rules.ts";
export * from "./time-zone-rules.ts";

/** The media type of the API's errors (RFC 9457 problem details). */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * The `type` of the 409 that says a request with the same Idempotency-Key is still being answered
 * (contract 8): a client waits `Retry-After` and sends it again, it is no refusal. Every other
 * 409 (a list name clash) is `urn:todo:problem:conflict` (ADR 0150).
 */
export const STILL_RUNNING_PROBLEM = "urn:todo:problem:still-running";
