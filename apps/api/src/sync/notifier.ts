import { createListenClient, type Database } from "@todo/db";
import type { Kysely } from "kysely";
import type { Logger } from "../lib/logger.ts";
import { CHANGES_CHANNEL } from "./change-log.ts";

export type EventsMode = "listen" | "poll";

/**
 * Tells this process's open event streams that their user's data changed (ADR 0053).
 * `listen`: one LISTEN connection per process, woken by the pg_notify every writing
 * transaction sends at commit, from any instance. `poll`: every 500 ms, the change counters
 * of the users with open streams (for a transaction-mode pooler, where LISTEN hears nothing).
 */
export interface ChangeNotifier {
  readonly mode: EventsMode;
  /** Connects (listen) or starts the poller now; the first subscription does it otherwise. */
  start(): void;
  /** Calls `poke` after each committed change of the user (at least once; may coalesce). */
  subscribe(userId: string, poke: () => void): () => void;
  /** Stops listening and ends every subscription (`onClose` of each stream). */
  close(): Promise<void>;
  /** Called when the notifier closes, so streams can end. */
  onClose(fn: () => void): () => void;
}

export const POLL_INTERVAL_MS = 500;
const RECONNECT_MS = 1_000;
/** A connection can die without a word (a cut network): the listener proves it is alive this often. */
const LISTENER_CHECK_MS = 10_000;

/** Which mode and which URL: ADR 0053's rule, spelled out once. */
export function eventsSetup(env: {
  DATABASE_URL: string;
  DATABASE_DIRECT_URL?: string | undefined;
  EVENTS_MODE?: "auto" | EventsMode;
}): { mode: EventsMode; url: string } {
  const url = env.DATABASE_DIRECT_URL ?? env.DATABASE_URL;
  if (env.EVENTS_MODE === "listen" || env.EVENTS_MODE === "poll") return { mode: env.EVENTS_MODE, url };
  // Neon's transaction-mode pooler has "-pooler" in its host: LISTEN through it hears nothing.
  const pooled = !env.DATABASE_DIRECT_URL && /-pooler[.-]/.test(new URL(env.DATABASE_URL).hostname);
  return { mode: pooled ? "poll" : "listen", url };
}

export function createNotifier(
  { db, logger, mode, url }: { db: Kysely<Database>; logger: Logger; mode: EventsMode; url: string },
  pollMs: number = POLL_INTERVAL_MS,
): ChangeNotifier {
  const subs = new Map<string, Set<() => void>>();
  const closers = new Set<() => void>();
  let closed = false;
  const poke = (userId: string) => {
    for (const fn of subs.get(userId) ?? []) fn();
  };
  const pokeAll = () => {
    for (const userId of subs.keys()) poke(userId);
  };
  const source =
    mode === "listen" ? listenSource(url, logger, poke, pokeAll) : pollSource(db, logger, subs, poke, pollMs);
  return {
    mode,
    start: () => source.start(),
    subscribe(userId, fn) {
      if (closed) return () => {};
      source.start();
      const set = subs.get(userId) ?? new Set();
      subs.set(userId, set);
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0) subs.delete(userId);
      };
    },
    onClose(fn) {
      closers.add(fn);
      return () => closers.delete(fn);
    },
    async close() {
      closed = true;
      for (const fn of closers) fn();
      closers.clear();
      subs.clear();
      await source.stop();
    },
  };
}

interface Source {
  start(): void;
  stop(): Promise<void>;
}

/**
 * The LISTEN connection: a plain client (not from the pool, which would hand it back).
 * When it drops (a database restart, a network cut) it reconnects every second, and after
 * each (re)connect pokes every stream, since notifications sent meanwhile are lost.
 */
function listenSource(url: string, logger: Logger, poke: (u: string) => void, pokeAll: () => void): Source {
  let client: ReturnType<typeof createListenClient> | undefined;
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let check: NodeJS.Timeout | undefined;
  const connect = async () => {
    timer = undefined;
    if (stopped) return;
    const c = createListenClient(url);
    client = c;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || stopped) return;
      lost = true;
      clearInterval(check);
      logger.warn("events: listener connection lost; reconnecting", { error: String(error ?? "ended") });
      c.removeAllListeners("notification");
      void c.end().catch(() => {});
      timer = setTimeout(connect, RECONNECT_MS);
    };
    c.on("error", onLost);
    c.on("end", () => onLost());
    c.on("notification", (n) => {
      if (n.channel === CHANGES_CHANNEL && n.payload) poke(n.payload);
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANGES_CHANNEL}`);
      logger.info("events: listening for changes", { mode: "listen" });
      pokeAll();
      check = setInterval(() => {
        const limit = setTimeout(() => onLost(new Error("the listener did not answer within 5 s")), 5_000);
        c.query("select 1")
          .catch((e: Error) => onLost(e))
          .finally(() => clearTimeout(limit));
      }, LISTENER_CHECK_MS);
      check.unref();
    } catch (error) {
      onLost(error as Error);
    }
  };
  return {
    start() {
      if (started) return;
      started = true;
      void connect();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      clearInterval(check);
      client?.removeAllListeners("error");
      client?.on("error", () => {});
      await client?.end().catch(() => {});
    },
  };
}

/** Polling: the counters of the users with open streams; a higher one pokes that user. */
function pollSource(
  db: Kysely<Database>,
  logger: Logger,
  subs: Map<string, Set<() => void>>,
  poke: (u: string) => void,
  pollMs: number,
): Source {
  const seen = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let failing = false;
  const round = async () => {
    if (busy || subs.size === 0) return;
    busy = true;
    try {
      const users = [...subs.keys()];
      const rows = await db
        .selectFrom("user_change_seq")
        .select(["user_id", "seq"])
        .where("user_id", "in", users)
        .execute();
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== seen.get(r.user_id)) {
          // The first sight of a user pokes too: harmless, and nothing between subscribe and now is lost.
          seen.set(r.user_id, seq);
          poke(r.user_id);
        }
      }
      for (const u of seen.keys()) if (!subs.has(u)) seen.delete(u);
      if (failing) logger.info("events: polling works again");
      failing = false;
    } catch (error) {
      if (!failing) logger.warn("events: polling failed; retrying", { error: String(error) });
      failing = true;
    } finally {
      busy = false;
    }
  };
  return {
    start() {
      if (timer) return;
      logger.info("events: polling for changes", { mode: "poll", interval_ms: pollMs });
      timer = setInterval(() => void round(), pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
    },
  };
}
