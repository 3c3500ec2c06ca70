import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isChange, openEventStream } from "../../scripts/lib/event-stream.ts";
import { liveCheck } from "../../scripts/verify/checks-live.ts";
import { Runner } from "../../scripts/verify/runner.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { type ApiProcess, startTestApi } from "./helpers/process.ts";
import { mintToken } from "./helpers/tokens.ts";

// Contract 9: GET /api/{user_id}/events, fanned out across two real API processes.
const h = createHarness();
afterAll(() => h.close());

async function createTask(origin: string, user: SignedInUser, title: string) {
  const res = await fetch(`${origin}/api/${user.id}/tasks`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });
  expect(res.status).toBe(201);
  return Date.now();
}

async function changesSince(origin: string, user: SignedInUser, cursor: string) {
  const res = await fetch(`${origin}/api/${user.id}/changes?since=${encodeURIComponent(cursor)}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { changes: { id: string; data?: { title: string } }[] };
}

for (const mode of ["listen", "poll"] as const) {
  describe(`events fan out between two API processes (${mode})`, () => {
    let a: { proc: ApiProcess; origin: string };
    let b: { proc: ApiProcess; origin: string };
    beforeAll(async () => {
      const env = { EVENTS_MODE: mode, API_RATE_LIMIT: "0" };
      [a, b] = await Promise.all([startTestApi(inject("databaseUrl"), env), startTestApi(inject("databaseUrl"), env)]);
    }, 120_000);
    afterAll(() => {
      a?.proc.child.kill("SIGTERM");
      b?.proc.child.kill("SIGTERM");
    });

    it("a change made through one instance reaches a stream on the other within a second, and only its user's", async () => {
      const alice = await h.signIn();
      const bob = await h.signIn();
      const stream = await openEventStream(`${a.origin}/api/${alice.id}/events`, alice.token);
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
      // On connect: the current cursor.
      const hello = await stream.next(0, isChange, 5_000);
      expect(hello).toBeDefined();
      const cursor = (JSON.parse(hello?.data ?? "{}") as { cursor: string }).cursor;
      // Another user's change wakes nothing here (after a moment for any poke of the connect itself).
      await new Promise((r) => setTimeout(r, 500));
      const seenBefore = stream.events.length;
      await createTask(b.origin, bob, "bob's");
      expect(await stream.next(seenBefore, isChange, 1_500)).toBeUndefined();
      for (let i = 0; i < 3; i++) {
        const from = stream.events.length;
        const at = await createTask(b.origin, alice, `from b ${i}`);
        const event = await stream.next(from, isChange, 3_000);
        expect(event, `change event ${i}`).toBeDefined();
        expect((event?.at ?? Infinity) - at).toBeLessThan(1_000);
      }
      const last = stream.events.filter(isChange).at(-1);
      const page = await changesSince(a.origin, alice, cursor);
      expect(page.changes.map((c) => c.data?.title)).toEqual(["from b 0", "from b 1", "from b 2"]);
      expect(JSON.parse(last?.data ?? "{}")).toHaveProperty("cursor");
      stream.close();
    }, 30_000);

    it("npm run verify's live check passes with --api2 and says where it listened", async () => {
      const erin = await h.signIn();
      const runner = new Runner();
      await runner.check("auth.token-accepted", "given", () => "the test's token");
      const target = { webUrl: "http://unused", apiUrl: b.origin, api2Url: a.origin, local: false, rootDir: "/" };
      await liveCheck(runner, target, { id: erin.id, token: erin.token });
      const result = runner.results.find((r) => r.id === "sync.live-events");
      expect(result?.status, result?.reason).toBe("pass");
      expect(result?.reason).toContain(`heard on ${a.origin}`);
    }, 20_000);

    it("the stream closes when its token expires", async () => {
      const carol = await h.signIn();
      const shortLived = await mintToken(carol.id, { claims: { exp: Math.floor(Date.now() / 1000) + 3 } });
      const started = Date.now();
      const stream = await openEventStream(`${a.origin}/api/${carol.id}/events`, shortLived);
      expect(stream.res.status).toBe(200);
      await stream.ended;
      expect(Date.now() - started).toBeGreaterThan(1_500);
      expect(Date.now() - started).toBeLessThan(8_000);
    }, 15_000);
  });
}

describe("events: a sign of life", () => {
  let a: { proc: ApiProcess; origin: string };
  beforeAll(async () => {
    a = await startTestApi(inject("databaseUrl"), { EVENTS_MODE: "poll" });
  }, 60_000);
  afterAll(() => a?.proc.child.kill("SIGTERM"));

  it("sends a comment line at least every 20 seconds", async () => {
    const dave = await h.signIn();
    const stream = await openEventStream(`${a.origin}/api/${dave.id}/events`, dave.token);
    const opened = Date.now();
    const comment = await stream.next(0, (e) => e.comment === "keep-alive", 20_000);
    expect(comment).toBeDefined();
    expect((comment?.at ?? Infinity) - opened).toBeLessThanOrEqual(20_000);
    stream.close();
  }, 30_000);
});

describe("events: shutdown", () => {
  it("SIGTERM ends the open streams at once, so the process stops without waiting for them", async () => {
    const api = await startTestApi(inject("databaseUrl"), { EVENTS_MODE: "listen" });
    const frank = await h.signIn();
    const stream = await openEventStream(`${api.origin}/api/${frank.id}/events`, frank.token);
    expect(await stream.next(0, isChange, 5_000)).toBeDefined();
    const stopping = Date.now();
    api.proc.child.kill("SIGTERM");
    await stream.ended;
    expect(await api.proc.exited).toBe(0);
    // Well inside the 10 s grace period that would otherwise force the exit.
    expect(Date.now() - stopping).toBeLessThan(5_000);
  }, 60_000);
});
