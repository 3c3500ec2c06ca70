/**
 * The contract without zod: what a browser needs (field rules, limits, the calendar day)
 * at a fraction of the weight. `@todo/contract/rules`; the full contract re-exports it.
 */
export * from "./field-rules.ts";
export * from "./text-rules.ts";
export * from "./time-zone-rules.ts";

/** The media type of the API's errors (RFC 9457 problem details). */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";
