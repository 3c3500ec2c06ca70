import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import type { Task } from "@todo/contract";
import { createDb } from "@todo/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { insertUser, type TestUser } from "./helpers/harness.ts";
import { type ApiProcess, logLines, startTestApi } from "./helpers/process.ts";
import { mintToken } from "./helpers/tokens.ts";

const database = createDb(inject("databaseUrl"), { max: 2 });
let user: TestUser;
let token: string;
const running: ApiProcess[] = [];

beforeAll(async () => {
  user = await insertUser(database);
  token = await mintToken(user.id);
});
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await database.close();
});

/** Starts `tsx apps/api/src/server.ts` on a free port against the run's scratch database. */
async function startApi() {
  const api = await startTestApi(inject("databaseUrl"));
  running.push(api.proc);
  return api;
}

/** SIGTERM, then the exit code; the process must log that it is shutting down and stopped. */
async function stop(proc: ApiProcess) {
  proc.child.kill("SIGTERM");
  const code = await proc.exited;
  const messages = logLines(proc.stdout()).map((l) => l.msg);
  return { code, messages };
}

const portAcceptsConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

const auth = () => ({ authorization: `Bearer ${token}` });

describe("the API process", () => {
  it("keeps data across a restart, and stops cleanly on SIGTERM", async () => {
    const first = await startApi();
    const created = await fetch(`${first.origin}/api/${user.id}/tasks`, {
      method: "POST",
      headers: { ...auth(), "content-type": "application/json" },
      body: JSON.stringify({ title: "survive the restart 🔁", description: "still here" }),
    });
    expect(created.status).toBe(201);
    const task = (await created.json()) as Task;

    const stopped = await stop(first.proc);
    expect(stopped.code).toBe(0);
    expect(stopped.messages).toContain("stopped");
    expect(stopped.messages.some((m) => typeof m === "string" && m.startsWith("shutting down"))).toBe(true);
    expect(await portAcceptsConnections(first.port)).toBe(false);
    expect(first.proc.stderr()).toBe("");

    const second = await startApi();
    const res = await fetch(`${second.origin}/api/${user.id}/tasks/${task.id}`, { headers: auth() });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(task);
    const list = await fetch(`${second.origin}/api/${user.id}/tasks`, { headers: auth() });
    expect(((await list.json()) as Task[]).map((t) => t.id)).toContain(task.id);
    expect((await stop(second.proc)).code).toBe(0);
  }, 60_000);

  it("finishes an in-flight request after SIGTERM, refusing new connections meanwhile", async () => {
    const api = await startApi();
    // Large but allowed: insignificant whitespace pads a valid body to 40 KB.
    const body = `{"title":"sent slowly"${" ".repeat(40_000)}}`;
    const half = Math.floor(body.length / 2);

    let sawResponse = false;
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${api.origin}/api/${user.id}/tasks`, {
        method: "POST",
        headers: { ...auth(), "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      });
      req.on("response", (res) => {
        sawResponse = true;
        let text = "";
        res.setEncoding("utf8").on("data", (d: string) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.write(body.slice(0, half));
      // The rest goes out only after SIGTERM has been handled.
      setTimeout(() => {
        api.proc.child.kill("SIGTERM");
        setTimeout(async () => {
          try {
            expect(api.proc.child.exitCode).toBeNull();
            expect(sawResponse).toBe(false);
            expect(await portAcceptsConnections(api.port)).toBe(false);
            req.end(body.slice(half));
          } catch (error) {
            reject(error);
          }
        }, 700);
      }, 500);
    });

    const { status, text } = await response;
    const answeredAt = Date.now();
    expect(status, text).toBe(201);
    const task = JSON.parse(text) as Task;
    expect(task.title).toBe("sent slowly");
    expect(await api.proc.exited).toBe(0);
    // Once the last request is answered, nothing (such as its idle keep-alive socket) holds the exit.
    expect(Date.now() - answeredAt).toBeLessThan(2_000);
    // The log tells the story in order: shutdown begins, the in-flight POST is answered, then stopped.
    const lines = logLines(api.proc.stdout());
    const shuttingDown = lines.findIndex((l) => String(l.msg).startsWith("shutting down"));
    const answered = lines.findIndex((l) => l.msg === "request" && l.method === "POST" && l.status === 201);
    const stopped = lines.findIndex((l) => l.msg === "stopped");
    expect(shuttingDown).toBeGreaterThan(-1);
    expect(answered).toBeGreaterThan(shuttingDown);
    expect(stopped).toBeGreaterThan(answered);

    const { rows } = await database.pool.query(`select "title" from "task" where "id" = $1`, [task.id]);
    expect(rows).toEqual([{ title: "sent slowly" }]);
  }, 60_000);
});
