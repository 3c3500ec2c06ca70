import { connect, type Socket } from "node:net";
import { createDb } from "@todo/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { insertUser, type TestUser } from "./helpers/harness.ts";
import { type ApiProcess, logLines, startTestApi } from "./helpers/process.ts";
import { mintToken } from "./helpers/tokens.ts";

const database = createDb(inject("databaseUrl"), { max: 2 });
let api: ApiProcess;
let port: number;
let user: TestUser;
let token: string;

beforeAll(async () => {
  user = await insertUser(database);
  token = await mintToken(user.id);
  ({ proc: api, port } = await startTestApi(inject("databaseUrl")));
}, 60_000);

afterAll(async () => {
  if (api?.child.exitCode === null) api.child.kill("SIGKILL");
  await database.close();
});

/** A raw connection that sends the head of a POST announcing `length` body bytes. */
function startPost(length: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        `POST /api/${user.id}/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
      );
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

describe("connections that misbehave", () => {
  it("a body trickling in one byte a second is cut off after 30 s", async () => {
    const socket = await startPost(1_000);
    const started = Date.now();
    let answer = "";
    socket.setEncoding("utf8").on("data", (d: string) => {
      answer += d;
    });
    const trickle = setInterval(() => socket.write(" "), 1_000);
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    clearInterval(trickle);
    const heldMs = Date.now() - started;
    expect(heldMs).toBeGreaterThanOrEqual(29_000);
    expect(heldMs).toBeLessThan(33_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);

  it("a client hanging up mid-body is logged as an abort, not as a 500", async () => {
    const socket = await startPost(500);
    socket.write('{"title": "half a ');
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 500));
    const lines = logLines(api.stdout());
    expect(lines.some((l) => l.msg === "unhandled error")).toBe(false);
    const request = lines.filter((l) => l.msg === "request" && l.method === "POST").at(-1);
    expect(request).toMatchObject({ aborted: true, level: "info" });
    expect(request?.status).toBeLessThan(500);
    // Nothing about it at warn or error: not a bug, not an outage.
    const sameRequest = lines.filter((l) => l.request_id === request?.request_id);
    expect(sameRequest.filter((l) => l.level !== "info")).toEqual([]);
    expect(api.child.exitCode).toBeNull();
  });
});
