import type { Database } from "@todo/db";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { decodeJwt } from "jose";
import type { Kysely } from "kysely";
import type { AppEnv } from "../lib/context.ts";
import { feedHead } from "./feed.ts";
import type { ChangeNotifier } from "./notifier.ts";

/** Contract 9 asks for a sign of life at least every 20 seconds. */
export const HEARTBEAT_MS = 15_000;

/**
 * One event stream: `change` with the user's current cursor on connect and after each poke
 * (pokes that arrive while one is being sent coalesce into one more), a comment every 15 s,
 * and the end when the token expires, the client leaves, or the process shuts down.
 */
export function streamEvents(
  c: Context<AppEnv>,
  { db, notifier, encode }: { db: Kysely<Database>; notifier: ChangeNotifier; encode: (seq: number) => string },
) {
  const userId = c.get("userId");
  // The token was verified by requireUser; only its expiry is read here.
  const token = c.req.header("authorization")?.slice("Bearer ".length) ?? "";
  const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
  const log = c.get("logger");
  return streamSSE(c, async (stream) => {
    let sending = false;
    let again = false;
    const send = async () => {
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      try {
        do {
          again = false;
          const head = await feedHead(db, userId);
          await stream.writeSSE({ event: "change", data: JSON.stringify({ cursor: encode(head.seq) }) });
        } while (again && !stream.closed);
      } catch (error) {
        log.warn("events: could not send a change event", { error: String(error) });
      } finally {
        sending = false;
      }
    };
    const unsubscribe = notifier.subscribe(userId, () => void send());
    const heartbeat = setInterval(() => void stream.write(": keep-alive\n\n").catch(() => {}), HEARTBEAT_MS);
    let offClose = () => {};
    let untilExpiry: NodeJS.Timeout | undefined;
    const finished = new Promise<void>((resolve) => {
      stream.onAbort(resolve);
      untilExpiry = setTimeout(resolve, Math.max(0, expiresAt - Date.now()));
      offClose = notifier.onClose(resolve);
    });
    try {
      await stream.write("retry: 2000\n\n");
      await send();
      await finished;
    } finally {
      clearTimeout(untilExpiry);
      clearInterval(heartbeat);
      offClose();
      unsubscribe();
    }
  });
}
