import { request } from "node:http";
import { createDb } from "@todo/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { insertUser, type TestUser } from "./helpers/harness.ts";
import { type ApiProcess, logLines, startTestApi } from "./helpers/process.ts";
import { mintToken, sessionIdFor } from "./helpers/tokens.ts";

// Two real API processes on one database, each itself two cluster workers: they must act as one.
const database = createDb(inject("databaseUrl"), { max: 2 });
// API_DRAIN_MS: after SIGTERM, /ready says 503 for a second before the listening socket closes.
const env = { API_WORKERS: "2", API_RATE_LIMIT: "1200", API_DRAIN_MS: "1000" };
let a: Awaited<ReturnType<typeof startTestApi>>;
let b: Awaited<ReturnType<typeof startTestApi>>;
const running: ApiProcess[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startTestApi(inject("databaseUrl"), env), startTestApi(inject("databaseUrl"), env)]);
  running.push(a.proc, b.proc);
}, 90_000);
afterAll(async () => {
  // SIGTERM through tsx to the cluster's primary and its workers (SIGKILL would orphan them).
  for (const p of running) if (p.child.exitCode === null) p.child.kill("SIGTERM");
  await Promise.all(running.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))])));
  await database.close();
}, 20_000);

interface Answer {
  status: number;
  body: string;
}
/**
 * One request on a fresh connection (no keep-alive), so "connection refused" means the request
 * never reached a server and may be sent elsewhere; every other failure is a real loss.
 */
const send = (port: number, method: string, path: string, token: string, body?: unknown) =>
  new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: "127.0.0.1", port, method, path, agent: false, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (d: string) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (payload) req.setHeader("content-type", "application/json");
    req.end(payload);
  });

const tasksOf = (user: TestUser) => `/api/${user.id}/tasks`;

describe("several API instances on one database", () => {
  it("accept a token on either, and a sign-out ends it on both within 5 s", async () => {
    const user = await insertUser(database);
    const token = await mintToken(user.id);
    expect((await send(a.port, "GET", tasksOf(user), token)).status).toBe(200);
    expect((await send(b.port, "GET", tasksOf(user), token)).status).toBe(200);
    await database.pool.query(`delete from "session" where "id" = $1`, [sessionIdFor(user.id)]);
    await new Promise((r) => setTimeout(r, 5_000));
    for (const port of [a.port, b.port, a.port, b.port])
      expect((await send(port, "GET", tasksOf(user), token)).status).toBe(401);
  }, 20_000);

  it("share one rate-limit budget: a burst of 100 over both, then 429 from either", async () => {
    const user = await insertUser(database);
    const token = await mintToken(user.id);
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) => send(i % 2 ? a.port : b.port, "GET", tasksOf(user), token)),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect((await send(a.port, "GET", tasksOf(user), token)).status).toBe(429);
    expect((await send(b.port, "GET", tasksOf(user), token)).status).toBe(429);
  }, 20_000);

  it("lose nothing when one is stopped under load behind a balancer: in-flight writes finish, new ones go to the other", async () => {
    // A user per client, each under its burst, so the limit never refuses anything here.
    const users = await Promise.all(Array.from({ length: 8 }, () => insertUser(database)));
    const tokens = await Promise.all(users.map((u) => mintToken(u.id)));
    const acknowledged = new Map<string, number>(users.map((u) => [u.id, 0]));
    const failures: string[] = [];
    let servedByBAfterStop = 0;
    let aStopped = false;
    let sent = 0;

    // A tiny balancer: polls /ready every 100 ms and sends only to instances that answered 200.
    const ready = new Set([a.port, b.port]);
    let sawADraining = false;
    const poll = setInterval(() => {
      for (const port of [a.port, b.port]) {
        send(port, "GET", "/ready", "")
          .then((r) => {
            if (r.status === 200) ready.add(port);
            else {
              ready.delete(port);
              if (port === a.port && r.status === 503) sawADraining = true;
            }
          })
          .catch(() => ready.delete(port));
      }
    }, 100);

    const client = async (index: number) => {
      const user = users[index] as TestUser;
      const token = tokens[index] as string;
      for (let n = 0; n < 60; n++) {
        // Round robin over the ready ones; on "connection refused" the other (a probe can be late).
        const order = (sent++ + index) % 2 ? [a.port, b.port] : [b.port, a.port];
        const ports = [...order.filter((p) => ready.has(p)), ...order.filter((p) => !ready.has(p))];
        let answer: Answer | undefined;
        for (const port of ports) {
          try {
            answer = await send(port, "POST", tasksOf(user), token, { title: `load ${n}` });
            if (aStopped && port === b.port) servedByBAfterStop++;
            break;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED") {
              failures.push(`${(error as Error).message}`);
              break;
            }
          }
        }
        if (answer?.status === 201) acknowledged.set(user.id, (acknowledged.get(user.id) ?? 0) + 1);
        else if (answer) failures.push(`${answer.status} ${answer.body}`);
      }
    };

    const load = Promise.all(users.map((_, i) => client(i)));
    await new Promise((r) => setTimeout(r, 700));
    a.proc.child.kill("SIGTERM");
    const exit = a.proc.exited.then((code) => {
      aStopped = true;
      return code;
    });
    await load;
    clearInterval(poll);

    expect(failures).toEqual([]);
    expect(sawADraining).toBe(true);
    expect(await exit).toBe(0);
    expect(logLines(a.proc.stdout()).some((l) => l.msg === "stopped")).toBe(true);
    expect(servedByBAfterStop).toBeGreaterThan(0);
    // Every acknowledged write is in the database, and nothing unacknowledged slipped in.
    const { rows } = await database.pool.query<{ user_id: string; n: string }>(
      `select "user_id", count(*) as n from "task" where "user_id" = any($1) group by "user_id"`,
      [users.map((u) => u.id)],
    );
    const stored = new Map(rows.map((r) => [r.user_id, Number(r.n)]));
    for (const u of users) expect(stored.get(u.id) ?? 0).toBe(acknowledged.get(u.id));
    expect([...acknowledged.values()].reduce((s, n) => s + n, 0)).toBe(8 * 60);
  }, 90_000);
});
