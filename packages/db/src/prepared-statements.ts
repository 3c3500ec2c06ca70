import { createHash } from "node:crypto";
import type pg from "pg";

export interface PreparedStatementOptions {
  /** Distinct statements given a name per pool; texts beyond it stay unnamed (default 200). */
  maxNames?: number;
  /** Calls of one text before it is named: a text run once is not worth a server-side statement (default 2). */
  namedAfter?: number;
}

export interface PreparedStatements {
  /** The texts named so far (for tests and diagnostics). */
  readonly named: ReadonlyMap<string, string>;
}

// Only plannable statements: BEGIN, SAVEPOINT and SET cost nothing to parse and nothing to plan.
const PLANNABLE = /^\s*(select|insert|update|delete|with)\b/i;
// Counting stops at this many distinct unnamed texts, then starts over: shapes that vary without
// end (IN lists of every length) must not make the counter itself grow without end.
const SEEN_LIMIT = 2_000;
// PostgreSQL keeps a prepared statement's result columns: when a migration changes them while a
// connection holds the statement, its next use fails with this (SQLSTATE 0A000) instead of replanning.
const STALE_RESULT = "cached plan must not change result type";

/**
 * Makes the pool's repeated queries named prepared statements (ADR 0079): node-postgres then
 * sends Parse once per connection and statement, and PostgreSQL parses once and may keep a
 * generic plan instead of parsing and planning every call. A text gets a name from its hash
 * once it has been seen `namedAfter` times, and at most `maxNames` texts are named per pool.
 * Kysely calls `client.query(text, values)`; so does `pool.query`: both go through here.
 */
export function prepareRepeatedQueries(
  pool: pg.Pool,
  { maxNames = 200, namedAfter = 2 }: PreparedStatementOptions = {},
): PreparedStatements {
  const named = new Map<string, string>();
  const seen = new Map<string, number>();

  const nameFor = (text: string): string | undefined => {
    const known = named.get(text);
    if (known || named.size >= maxNames || !PLANNABLE.test(text)) return known;
    const count = (seen.get(text) ?? 0) + 1;
    if (count < namedAfter) {
      if (seen.size >= SEEN_LIMIT) seen.clear();
      seen.set(text, count);
      return undefined;
    }
    seen.delete(text);
    const name = `todo_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    named.set(text, name);
    return name;
  };

  pool.on("connect", (client) => {
    // Bumped when the server says a statement's result columns changed: the next use prepares
    // it afresh under a new name (the stale one cannot be replaced in a failed transaction).
    let generation = 0;
    const original = client.query as (...args: unknown[]) => unknown;
    const onError = (error: unknown) => {
      if (error instanceof Error && error.message.includes(STALE_RESULT)) generation += 1;
    };
    client.query = function query(this: pg.Client, ...args: unknown[]) {
      const [text, values, callback] = args;
      const base = typeof text === "string" && Array.isArray(values) ? nameFor(text) : undefined;
      if (!base) return original.apply(this, args);
      const config = { name: generation ? `${base}_${generation}` : base, text, values };
      if (typeof callback === "function") {
        return original.call(this, config, (error: Error | null, result: unknown) => {
          if (error) onError(error);
          callback(error, result);
        });
      }
      const result = original.call(this, config) as Promise<unknown>;
      result.catch(onError);
      return result;
    } as typeof client.query;
  });

  return { named };
}
