/**
 * Is this error the database being unreachable (stopped, restarting, scaled to zero,
 * network gone), as opposed to a bug or a bad query? Those are answered 503 with
 * Retry-After by both services; the pool recovers by itself once the database is back.
 */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up / shutting down).
const SERVER_CODES = new Set(["57P01", "57P02", "57P03"]);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const { syscall } = error as { syscall?: unknown };
  if (typeof code === "string") {
    // Socket errors only (they name a syscall): Node's http "aborted" error is ECONNRESET too,
    // and a client hanging up is not the database going away.
    if (NETWORK_CODES.has(code) && typeof syscall === "string") return true;
    if (SERVER_CODES.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === "string" && MESSAGES.some((m) => m.test(message))) return true;
  // AggregateError (a host that resolves to several addresses, all refused).
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Seconds a client should wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;
