import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@todo/db/errors";
import { isAPIError } from "better-auth/api";

/**
 * Better Auth turns every failure into a 500 of its own, so the route cannot tell "the
 * database is gone" from a bug by the answer alone. Its onAPIError hook sees the error:
 * it marks the request (one store per request), and the route answers 503 instead.
 */
const store = new AsyncLocalStorage<{ databaseDown: boolean }>();

export function noteAuthError(error: unknown): void {
  const state = store.getStore();
  if (isDatabaseUnavailable(error)) {
    if (state) state.databaseDown = true;
    console.warn("[web] auth: database unavailable:", (error as Error).message);
  } else if (!isAPIError(error) || error.status === "INTERNAL_SERVER_ERROR") {
    // Answers on purpose (wrong password: 401) are not errors; anything else is worth a line.
    console.error("[web] auth error:", error);
  }
}

export const databaseUnavailable = () =>
  Response.json(
    { code: "SERVICE_UNAVAILABLE", message: "The service cannot reach its database right now. Try again in a moment." },
    {
      status: 503,
      headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "cache-control": "no-store" },
    },
  );

/** Runs an auth handler; a database outage, thrown or swallowed into a 500, becomes a 503. */
export async function withOutageAnswer(run: () => Promise<Response>): Promise<Response> {
  const state = { databaseDown: false };
  try {
    const response = await store.run(state, run);
    return state.databaseDown && response.status >= 500 ? databaseUnavailable() : response;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailable();
    throw error;
  }
}
