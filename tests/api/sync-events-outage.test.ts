import { createDb, type DbHandle } from "@todo/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isChange, openEventStream } from "../../scripts/lib/event-stream.ts";
import { insertUser, type TestUser } from "./helpers/harness.ts";
import { type OwnPostgres, startOwnPostgres } from "./helpers/own-postgres.ts";
import { type ApiProcess, startTestApi } from "./helpers/process.ts";
import { mintToken } from "./helpers/tokens.ts";

// Contract 9: "it never silently stops delivering": the LISTEN connection comes back after
// the database restarts, and the open stream carries on.
let postgres: OwnPostgres;
let database: DbHandle;
let api: { proc: ApiProcess; origin: string };
let user: TestUser;
let token: string;

beforeAll(async () => {
  postgres = await startOwnPostgres("events-outage");
  database = createDb(postgres.url, { max: 2 });
  user = await insertUser(database);
  token = await mintToken(user.id);
  api = await startTestApi(postgres.url, { EVENTS_MODE: "listen", API_RATE_LIMIT: "0" });
}, 120_000);

afterAll(async () => {
  if (api && api.proc.child.exitCode === null) api.proc.child.kill("SIGKILL");
  await database?.close().catch(() => {});
  await postgres?.destroy();
});

const listening = () => api.proc.stdout().split("events: listening for changes").length - 1;

it("after a database restart the listener reconnects and changes reach the open stream again", async () => {
  const stream = await openEventStream(`${api.origin}/api/${user.id}/events`, token);
  expect(await stream.next(0, isChange, 5_000)).toBeDefined();
  // The listener starts with the first stream (and pokes it once connected).
  for (let i = 0; i < 100 && listening() < 1; i++) await new Promise((r) => setTimeout(r, 50));
  expect(listening()).toBe(1);
  await postgres.stop("fast");
  await postgres.start();
  for (let i = 0; i < 100 && listening() < 2; i++) await new Promise((r) => setTimeout(r, 100));
  expect(listening()).toBe(2);
  expect(api.proc.stdout()).toContain("events: listener connection lost");
  const from = stream.events.length;
  let created = 0;
  // The pool may need a moment to drop its dead connections: retry the write until it lands.
  for (let i = 0; i < 50 && created === 0; i++) {
    const res = await fetch(`${api.origin}/api/${user.id}/tasks`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "after the restart" }),
    });
    if (res.status === 201) created = Date.now();
    else await new Promise((r) => setTimeout(r, 100));
  }
  expect(created).toBeGreaterThan(0);
  const event = await stream.next(from, (e) => isChange(e) && e.at >= created, 3_000);
  expect(event).toBeDefined();
  expect((event?.at ?? Infinity) - created).toBeLessThan(1_000);
  stream.close();
}, 90_000);
