import { isChange, openEventStream } from "../lib/event-stream.ts";
import { request } from "./http.ts";
import type { Runner } from "./runner.ts";
import { CheckFailure, type Target } from "./types.ts";

/** Contract 9 asks for the event within one second of the commit. */
const LIVE_LIMIT_MS = 1_000;

/**
 * The live path (contract 9): an event stream opened on the second API (`--api2`, else the
 * same one) receives `change` within a second of a task created through the first.
 */
export async function liveCheck(run: Runner, target: Target, user: { id: string; token: string }): Promise<void> {
  const eventsOrigin = target.api2Url ?? target.apiUrl;
  await run.check(
    "sync.live-events",
    target.api2Url
      ? "a change made through one API reaches an event stream on the other"
      : "a change reaches an open event stream",
    async () => {
      const base = `/api/${encodeURIComponent(user.id)}`;
      const stream = await openEventStream(`${eventsOrigin}${base}/events`, user.token);
      try {
        if (stream.res.status !== 200) throw new CheckFailure(`GET events answered ${stream.res.status}`);
        if (!(await stream.next(0, isChange, 5_000)))
          throw new CheckFailure("the event stream sent no `change` event on connect");
        const from = stream.events.length;
        const res = await request(`${target.apiUrl}${base}/tasks`, {
          method: "POST",
          headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ title: "verify: live path" }),
        });
        const committed = Date.now();
        if (res.status !== 201) throw new CheckFailure(`creating a task answered ${res.status}`);
        const event = await stream.next(from, isChange, 5_000);
        const ms = event ? event.at - committed : undefined;
        if (ms === undefined || ms > LIVE_LIMIT_MS)
          throw new CheckFailure(
            ms === undefined
              ? "no `change` event within 5 s"
              : `the event came after ${ms} ms (limit ${LIVE_LIMIT_MS})`,
            "with a transaction pooler, set DATABASE_DIRECT_URL (or EVENTS_MODE=poll) on every API instance",
          );
        return `change event ${ms} ms after the write${target.api2Url ? ` (written via ${target.apiUrl}, heard on ${eventsOrigin})` : ""}`;
      } finally {
        stream.close();
      }
    },
    { needs: ["auth.token-accepted"] },
  );
}
