export * from "./problem.ts";
export * from "./secret-rules.ts";
export * from "./task.ts";
export * from "./text-rules.ts";

/** The audience the API requires in every bearer token. */
export const API_AUDIENCE = "todo-api";
/** Tokens live at most this long (contract section 3). */
export const TOKEN_TTL_SECONDS = 15 * 60;
