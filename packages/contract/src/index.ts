export * from "./label.ts";
export * from "./list.ts";
export * from "./problem.ts";
export * from "./quick-add.ts";
export * from "./search-text.ts";
export * from "./secret-rules.ts";
export * from "./sync.ts";
export * from "./task.ts";
export * from "./task-actions.ts";
export * from "./task-fields.ts";
export * from "./task-query.ts";
export * from "./text-rules.ts";
export * from "./time-zone.ts";

/** The audience the API requires in every bearer token. */
export const API_AUDIENCE = "todo-api";
/** Tokens live at most this long (contract section 3). */
export const TOKEN_TTL_SECONDS = 15 * 60;
