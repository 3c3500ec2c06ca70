import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isPortFree } from "../../packages/db/src/free-port.ts";
import { repoRoot } from "./harness/stack.ts";
import { interrupt, runStart, type StartRun, waitForOutput } from "./harness/start-command.ts";
import { launchBrowser } from "./support/chromium.ts";
import { runAsAdmin } from "./support/database.ts";
import { taskPage } from "./support/task-page.ts";

/**
 * `npm start -- --instances 2` as a person runs it (two web and two API processes on one
 * database of its own), and proof that the four act as one product: sessions, the sign-in
 * throttle, idempotency keys and the rate limit are shared, a change made through one web
 * reaches a browser on the other, and one API instance stopped under load loses nothing.
 * Spec: specs/Phase-2-full-stack-web-todo/Performance-And-Scale/spec.md.
 */
const database = `todo_instances_${Date.now()}`;
const envRoot = mkdtempSync(join(tmpdir(), "several-instances-"));
let run: StartRun;
let db: pg.Pool;
let browser: Browser;
const web: string[] = [];
const api: string[] = [];
let apiPorts: number[] = [];

/**
 * Two consecutive free ports (the start command puts instance i on port + i), below the range
 * the OS hands out for outgoing connections, where a browser's socket could take one meanwhile.
 */
async function freePair(taken: number[] = []): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.some((t) => Math.abs(t - port) < 2)) continue;
    if ((await isPortFree(port)) && (await isPortFree(port + 1))) return port;
  }
}

const address = () => `10.${randomBytes(3).join(".")}`;
const password = "correct horse battery";

/** The web's own auth endpoints, called the way its forms do (same-origin, Origin header). */
function auth(webUrl: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${webUrl}/api/auth${path}`, {
    method: "POST",
    headers: { origin: webUrl, "content-type": "application/json", "x-forwarded-for": address(), ...headers },
    body: JSON.stringify(body),
  });
}

interface Account {
  id: string;
  email: string;
  cookie: string;
}
async function signUp(webUrl: string, label: string): Promise<Account> {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.com`;
  const res = await auth(webUrl, "/sign-up/email", { name: "Ada", email, password });
  expect(res.status, await res.clone().text()).toBe(200);
  const { user } = (await res.json()) as { user: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("better-auth.session_token="));
  return { id: user.id, email, cookie: cookie ?? "" };
}

const session = async (webUrl: string, cookie: string) =>
  (await (await fetch(`${webUrl}/api/auth/get-session`, { headers: { cookie } })).json()) as {
    user?: { id: string };
  } | null;

async function tokenFrom(webUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${webUrl}/api/auth/token`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
/**
 * One request on a fresh connection (no keep-alive), so a refused connection means the
 * request reached no server; the error is thrown with its code for the caller to judge.
 */
const send = (apiUrl: string, method: string, path: string, token: string, body?: unknown, key?: string) =>
  new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, apiUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname + url.search,
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          ...(payload ? { "content-type": "application/json" } : {}),
          ...(key ? { "idempotency-key": key } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (d: string) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });

async function tasksTitled(userId: string, title: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `select count(*) as n from "task" where "user_id" = $1 and "title" = $2`,
    [userId, title],
  );
  return Number(rows[0]?.n);
}

/** The API instance on `port`: the process npm start spawned (its group leader, the cluster primary). */
function apiInstancePid(port: number): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.includes("src/server.ts")) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (!environ.includes(`PORT=${port}`) || !environ.some((v) => v.startsWith("START_RUN_ID="))) continue;
      // Field 5 of stat is the process group; npm start gives each service a group of its own.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const group = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (group === Number(entry)) return group;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  throw new Error(`no API instance found on port ${port}`);
}

/**
 * Writes stuck behind the test's lock on "task", in this database: a keyed write's claim is
 * only visible once it commits (ADR 0055), so the waiting backends are what shows it is in flight.
 */
async function writesWaitingOnTask(): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `select count(*) as n from pg_locks where not granted and relation = '"task"'::regclass
       and database = (select oid from pg_database where datname = current_database())`,
  );
  return Number(rows[0]?.n);
}

async function within(ms: number, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function visitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, timezoneId: "UTC" });
  context.setDefaultTimeout(20_000);
  return { context, page: await context.newPage() };
}

describe("npm start -- --instances 2: two web and two API processes act as one", () => {
  beforeAll(async () => {
    await runAsAdmin(`create database "${database}"`);
    const url = new URL(inject("databaseUrl"));
    url.pathname = `/${database}`;
    const webPort = await freePair();
    const apiPort = await freePair([webPort]);
    web.push(`http://localhost:${webPort}`, `http://localhost:${webPort + 1}`);
    // The API listens on IPv4; Node's fetch may try ::1 first for "localhost".
    apiPorts = [apiPort, apiPort + 1];
    api.push(`http://127.0.0.1:${apiPort}`, `http://127.0.0.1:${apiPort + 1}`);
    run = runStart({
      cwd: repoRoot,
      env: {
        TODO_ENV_ROOT: envRoot,
        DATABASE_URL: url.toString(),
        WEB_PORT: String(webPort),
        API_PORT: String(apiPort),
        LOG_LEVEL: "info",
      },
      args: ["--instances", "2"],
    });
    db = new pg.Pool({ connectionString: url.toString(), max: 3 });
    [browser] = await Promise.all([launchBrowser(), waitForOutput(run, "press Ctrl-C to stop", 170_000)]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (run) expect(await interrupt(run)).toBe(0);
    await db?.end();
    await runAsAdmin(`drop database if exists "${database}" with (force)`);
  }, 60_000);

  it("prints both instances of each service", () => {
    for (const url of [...web, ...api.map((a) => a.replace("127.0.0.1", "localhost"))])
      expect(run.output()).toContain(url);
  });

  it("share sessions: signed up on web 1, signed in on web 2; its token works on both APIs; a sign-out on web 1 ends it everywhere", async () => {
    const ada = await signUp(web[0] as string, "shared-session");
    expect((await session(web[1] as string, ada.cookie))?.user?.id).toBe(ada.id);
    const token = await tokenFrom(web[1] as string, ada.cookie);
    for (const a of api) expect((await send(a, "GET", `/api/${ada.id}/tasks`, token)).status).toBe(200);

    const out = await fetch(`${web[0]}/api/auth/sign-out`, {
      method: "POST",
      headers: { origin: web[0] as string, cookie: ada.cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    expect(await session(web[1] as string, ada.cookie)).toBeNull();
    expect((await fetch(`${web[1]}/api/auth/token`, { headers: { cookie: ada.cookie } })).status).toBe(401);
    // Contract 3b: a token of a signed-out session is refused within 5 s, by every instance.
    await new Promise((r) => setTimeout(r, 5_000));
    for (const a of [...api, ...api]) expect((await send(a, "GET", `/api/${ada.id}/tasks`, token)).status).toBe(401);
  }, 30_000);

  it("share the sign-in throttle: 5 failures from one address spread over both webs, then the 6th try waits", async () => {
    const victim = await signUp(web[0] as string, "shared-throttle");
    const from = address();
    for (let i = 0; i < 5; i++) {
      const res = await auth(
        web[i % 2] as string,
        "/sign-in/email",
        { email: victim.email, password: `wrong-${i}-pw` },
        {
          "x-forwarded-for": from,
        },
      );
      expect(res.status, `failure ${i + 1} on web ${(i % 2) + 1}`).toBe(401);
    }
    // Web 2 has seen only two of the five: it refuses because the count is shared.
    const sixth = await auth(
      web[1] as string,
      "/sign-in/email",
      { email: victim.email, password },
      {
        "x-forwarded-for": from,
      },
    );
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const again = await auth(
      web[0] as string,
      "/sign-in/email",
      { email: victim.email, password },
      {
        "x-forwarded-for": from,
      },
    );
    expect(again.status).toBe(429);
  });

  it("share idempotency keys: a repeat on the other API replays, a concurrent one is 409, one row each", async () => {
    const ada = await signUp(web[1] as string, "shared-keys");
    const token = await tokenFrom(web[1] as string, ada.cookie);
    const path = `/api/${ada.id}/tasks`;

    const first = await send(api[0] as string, "POST", path, token, { title: "Once only" }, "key-sequential");
    expect(first.status).toBe(201);
    const repeat = await send(api[1] as string, "POST", path, token, { title: "Once only" }, "key-sequential");
    expect(repeat.status).toBe(201);
    expect(repeat.headers["idempotent-replayed"]).toBe("true");
    expect(JSON.parse(repeat.body).id).toBe(JSON.parse(first.body).id);
    expect(await tasksTitled(ada.id, "Once only")).toBe(1);

    // The first request is held inside its write by a real lock (inserts into "task" wait for
    // this transaction), holding its key's lock (ADR 0055): the same key on API 2 meanwhile is 409.
    const holder = await db.connect();
    try {
      await holder.query(`begin; lock table "task" in share mode`);
      const held = send(api[0] as string, "POST", path, token, { title: "Held" }, "key-concurrent");
      await within(10_000, async () => (await writesWaitingOnTask()) === 1);
      const meanwhile = await send(api[1] as string, "POST", path, token, { title: "Held" }, "key-concurrent");
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.headers["retry-after"]).toBe("1");
      await holder.query("commit");
      expect((await held).status).toBe(201);
    } finally {
      await holder.query("rollback").catch(() => {});
      holder.release();
    }
    const after = await send(api[1] as string, "POST", path, token, { title: "Held" }, "key-concurrent");
    expect(after.status).toBe(201);
    expect(after.headers["idempotent-replayed"]).toBe("true");
    expect(await tasksTitled(ada.id, "Held")).toBe(1);
  }, 30_000);

  it("share the rate limit: a burst of 100 over both APIs, then 429 from either", async () => {
    const ada = await signUp(web[0] as string, "shared-limit");
    const token = await tokenFrom(web[0] as string, ada.cookie);
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) => send(api[i % 2] as string, "GET", `/api/${ada.id}/tasks`, token)),
    );
    expect(burst.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    for (const a of api) expect((await send(a, "GET", `/api/${ada.id}/tasks`, token)).status).toBe(429);
  }, 30_000);

  it("in the browser: one cookie for both webs, and a task added through web 2 shows on web 1 within 2 s", async () => {
    const ada = await signUp(web[0] as string, "shared-browser");
    const [name, value] = ada.cookie.split("=") as [string, string];
    // Device A: the cookie web 1 set, then web 2 (another port of the same host) in that browser.
    const a = await visitor();
    await a.context.addCookies([{ name, value, url: web[0] as string }]);
    await a.page.goto(`${web[1]}/tasks`);
    await taskPage(a.page).settled();
    expect(new URL(a.page.url()).pathname).toBe("/tasks");
    let streams = 0;
    a.context.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith("/events") && url.port === String(apiPorts[0])) streams++;
    });
    await a.page.goto(`${web[0]}/tasks`);
    const onWeb1 = taskPage(a.page);
    await onWeb1.settled();
    await within(30_000, async () => streams >= 1);

    // Device B: signs in through web 2's own form, so its writes go to API 2.
    const b = await visitor();
    await b.page.goto(`${web[1]}/sign-in`);
    await b.page.getByLabel("Email").fill(ada.email);
    await b.page.getByLabel("Password").fill(password);
    await b.page.getByRole("button", { name: "Sign in" }).click();
    await b.page.waitForURL(`${web[1]}/tasks`);
    const onWeb2 = taskPage(b.page);
    await onWeb2.settled();
    await new Promise((r) => setTimeout(r, 1_000));

    await onWeb2.input.fill("Added through web 2");
    const start = Date.now();
    await onWeb2.input.press("Enter");
    await within(2_000 - (Date.now() - start), async () => (await onWeb1.titles()).includes("Added through web 2"));
    expect(Date.now() - start).toBeLessThanOrEqual(2_000);
    await expect.poll(() => tasksTitled(ada.id, "Added through web 2")).toBe(1);

    // A sign-out through web 2 ends the session device A uses on web 1.
    await b.context.close();
    await fetch(`${web[1]}/api/auth/sign-out`, {
      method: "POST",
      headers: { origin: web[1] as string, cookie: ada.cookie, "content-type": "application/json" },
      body: "{}",
    });
    await a.page.goto(`${web[0]}/tasks`);
    await a.page.waitForURL(/\/sign-in/);
    await a.context.close();
  }, 90_000);

  it("lose nothing when API 1 is stopped under load: in-flight writes finish, new ones go to API 2", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, (_, i) => signUp(web[i % 2] as string, `load-${i}`)));
    const tokens = await Promise.all(users.map((u, i) => tokenFrom(web[i % 2] as string, u.cookie)));
    const pid = apiInstancePid(apiPorts[0] as number);
    // A browser on web 1 (which calls API 1 only: npm start has no balancer), open before the stop.
    const watcher = await signUp(web[0] as string, "web-1-watcher");
    const w = await visitor();
    const [name, value] = watcher.cookie.split("=") as [string, string];
    await w.context.addCookies([{ name, value, url: web[0] as string }]);
    await w.page.goto(`${web[0]}/tasks`);
    const onWeb1 = taskPage(w.page);
    await onWeb1.settled();
    const acknowledged = new Map<string, number>(users.map((u) => [u.id, 0]));
    const failures: string[] = [];
    let inFlightOnApi1 = 0;
    let finishedOnApi1AfterStop = 0;
    let refused = 0;
    let resetAfterStop = 0;
    let servedByApi2AfterStop = 0;
    let signalled = false;
    let stopped = false;

    // Each client writes one task at a time, half of them to API 1, half to API 2, each write with
    // an Idempotency-Key. A write that reached no server is sent again to the other instance (what a
    // balancer does); a replay or 409 there would mean API 1 had started it: a cut request.
    const client = async (index: number) => {
      const user = users[index] as Account;
      for (let n = 0; n < 40; n++) {
        const key = `load-${index}-${n}`;
        const order = index < users.length / 2 ? [0, 1] : [1, 0];
        let answer: Answer | undefined;
        for (const i of order) {
          if (i === 0) inFlightOnApi1++;
          const sentAfterSignal = signalled;
          try {
            const body = { title: `load ${n}` };
            answer = await send(api[i] as string, "POST", `/api/${user.id}/tasks`, tokens[index] as string, body, key);
            if (i === 0 && !sentAfterSignal && signalled) finishedOnApi1AfterStop++;
            if (stopped && i === 1) servedByApi2AfterStop++;
            break;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            // A write sent before the signal must be answered; a later one may meet the closing
            // socket (refused, or reset while queued in it) and goes to the other instance.
            if (!sentAfterSignal) {
              failures.push(`${key} on API ${i + 1}: ${code ?? (error as Error).message}`);
              break;
            }
            if (code === "ECONNREFUSED") refused++;
            else resetAfterStop++;
          } finally {
            if (i === 0) inFlightOnApi1--;
          }
        }
        if (answer?.status === 201 && answer.headers["idempotent-replayed"] === undefined)
          acknowledged.set(user.id, (acknowledged.get(user.id) ?? 0) + 1);
        else if (answer) failures.push(`${key}: ${answer.status} ${answer.body}`);
      }
    };

    const heldOnApi1Now = () => inFlightOnApi1;
    const load = Promise.all(users.map((_, i) => client(i)));
    await within(20_000, async () => [...acknowledged.values()].reduce((s, n) => s + n, 0) >= 30);
    // Hold every client's current write inside its transaction (inserts into "task" wait for this
    // lock), so requests are certainly in flight on API 1 when it gets SIGTERM.
    const holder = await db.connect();
    try {
      await holder.query(`begin; lock table "task" in share mode`);
      await within(10_000, async () => (await writesWaitingOnTask()) === users.length);
      expect(heldOnApi1Now()).toBe(users.length / 2);
      const heldOnApi1 = heldOnApi1Now();
      process.kill(pid, "SIGTERM");
      signalled = true;
      // Stopping, yet still there: it finishes what it holds before it exits.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(() => process.kill(pid, 0)).not.toThrow();
      await holder.query("commit");
      await within(15_000, async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          stopped = true;
          return true;
        }
      });
      await load;
      expect(finishedOnApi1AfterStop).toBe(heldOnApi1);
    } finally {
      await holder.query("rollback").catch(() => {});
      holder.release();
    }

    expect(failures).toEqual([]);
    expect(refused + resetAfterStop).toBeGreaterThan(0);
    expect(servedByApi2AfterStop).toBeGreaterThan(0);
    // Every acknowledged write is in PostgreSQL once, and nothing unacknowledged slipped in.
    const { rows } = await db.query<{ user_id: string; n: string }>(
      `select "user_id", count(*) as n from "task" where "user_id" = any($1) group by "user_id"`,
      [users.map((u) => u.id)],
    );
    const stored = new Map(rows.map((r) => [r.user_id, Number(r.n)]));
    for (const u of users) expect(stored.get(u.id) ?? 0).toBe(acknowledged.get(u.id));
    expect([...acknowledged.values()].reduce((s, n) => s + n, 0)).toBe(6 * 40);

    // The rest of the product goes on: npm start still runs, API 2 and web 2 answer.
    expect(run.child.exitCode).toBeNull();
    expect(run.output()).toMatch(/API 1 stopped \(exit 0\); 1 API instance\(s\) still serving/);
    expect((await send(api[1] as string, "GET", `/api/${users[0]?.id}/tasks`, tokens[0] as string)).status).toBe(200);
    expect((await fetch(`${web[1]}/api/health`)).status).toBe(200);
    expect((await session(web[1] as string, users[1]?.cookie ?? ""))?.user?.id).toBe(users[1]?.id);
    // Web 1's browser keeps what is typed now as not saved (contract 9): nothing reaches API 2.
    await onWeb1.input.fill("Typed while API 1 is away");
    await onWeb1.input.press("Enter");
    const waiting = w.page.getByRole("status").filter({ hasText: "not saved yet" });
    await waiting.waitFor();
    expect(await tasksTitled(watcher.id, "Typed while API 1 is away")).toBe(0);
    await w.context.close();
  }, 90_000);
});
