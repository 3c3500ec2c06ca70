import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { call, createTask, expectProblem, taskPath, tasksPath } from "./helpers/http.ts";
import { type Listening, listen } from "./helpers/listen.ts";

const h = createHarness();
const LIMIT = 64 * 1024;
let user: SignedInUser;
let token: string;
let server: Listening;

beforeAll(async () => {
  user = await h.signIn();
  token = user.token;
  server = await listen(h.app);
});
afterAll(async () => {
  await server.close();
  await h.close();
});

/** A JSON body of exactly `bytes` bytes: a valid task padded with insignificant whitespace. */
const paddedBody = (bytes: number) => {
  const head = '{"title":"padded"';
  return `${head}${" ".repeat(bytes - head.length - 1)}}`;
};

const post = (body: string, headers: Record<string, string> = {}) =>
  call(h.app, "POST", tasksPath(user.id), { token, body, headers });

describe("400 malformed JSON", () => {
  it.each([
    ["truncated", '{"title":'],
    ["trailing comma", '{"title":"x",}'],
    ["single quotes", "{'title':'x'}"],
    ["not JSON at all", "title=x"],
    ["empty body", ""],
  ])("%s", async (_name, body) => {
    const before = await h.countTasks(user.id);
    const problem = await expectProblem(await post(body), 400);
    expect(problem.detail).toMatch(/JSON/);
    expect(await h.countTasks(user.id)).toBe(before);
  });

  it("invalid UTF-8 bytes", async () => {
    const bytes = new Uint8Array([...Buffer.from('{"title":"'), 0xff, 0xfe, ...Buffer.from('"}')]);
    const res = await h.app.request(tasksPath(user.id), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: bytes,
    });
    await expectProblem(res, 400);
  });

  it("on PUT and PATCH too", async () => {
    const task = await createTask(h.app, user.id, token);
    await expectProblem(await call(h.app, "PUT", taskPath(user.id, task.id), { token, body: "{nope" }), 400);
    await expectProblem(
      await call(h.app, "PATCH", `${taskPath(user.id, task.id)}/complete`, { token, body: "{nope" }),
      400,
    );
  });
});

describe("413 body over 64 KiB", () => {
  it("accepts a body of exactly 64 KiB", async () => {
    const body = paddedBody(LIMIT);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const res = await post(body, { "content-length": String(LIMIT) });
    expect(res.status).toBe(201);
  });

  it("refuses one byte more, declared with Content-Length, and writes nothing", async () => {
    const before = await h.countTasks(user.id);
    const res = await post(paddedBody(LIMIT + 1), { "content-length": String(LIMIT + 1) });
    const problem = await expectProblem(res, 413);
    expect(problem.detail).toMatch(/64 KiB/);
    expect(await h.countTasks(user.id)).toBe(before);
  });

  it("refuses an oversized body sent without Content-Length (counted on the bytes read)", async () => {
    const big = new TextEncoder().encode(paddedBody(LIMIT + 1));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 8192) controller.enqueue(big.slice(i, i + 8192));
        controller.close();
      },
    });
    const res = await h.app.request(tasksPath(user.id), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectProblem(res, 413);
  });

  it("refuses a chunked upload over real HTTP before it ends", async () => {
    const before = await h.countTasks(user.id);
    const { status, contentType, body } = await new Promise<{ status: number; contentType: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${server.origin}${tasksPath(user.id)}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        });
        req.on("response", (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (d: string) => {
            text += d;
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, contentType: `${res.headers["content-type"]}`, body: text }),
          );
        });
        req.on("error", reject);
        // 80 KiB in chunks, and the request is never ended: only a server that counts
        // the bytes as they arrive can answer.
        req.write('{"title":"streamed","description":"');
        for (let i = 0; i < 10; i++) req.write("a".repeat(8192));
      },
    );
    expect(status).toBe(413);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(body)).toMatchObject({ status: 413 });
    expect(await h.countTasks(user.id)).toBe(before);
  });
});

describe("415 body that is not JSON", () => {
  it.each([
    ["text/plain", '{"title":"x"}'],
    ["application/x-www-form-urlencoded", "title=x"],
    ["multipart/form-data; boundary=zz", '--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--zz--'],
    ["application/xml", "<title>x</title>"],
  ])("%s", async (type, body) => {
    const before = await h.countTasks(user.id);
    const problem = await expectProblem(await post(body, { "content-type": type }), 415);
    expect(problem.detail).toMatch(/application\/json/);
    expect(await h.countTasks(user.id)).toBe(before);
  });

  it("no Content-Type at all", async () => {
    const res = await h.app.request(tasksPath(user.id), {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: new TextEncoder().encode('{"title":"x"}'),
    });
    await expectProblem(res, 415);
  });

  it("on PUT and on PATCH with a body", async () => {
    const task = await createTask(h.app, user.id, token);
    const headers = { "content-type": "text/plain" };
    await expectProblem(await call(h.app, "PUT", taskPath(user.id, task.id), { token, body: "{}", headers }), 415);
    const patch = await call(h.app, "PATCH", `${taskPath(user.id, task.id)}/complete`, {
      token,
      body: '{"completed":true}',
      headers: { ...headers, "content-length": "18" },
    });
    await expectProblem(patch, 415);
  });

  it("accepts application/json with a charset", async () => {
    const res = await post('{"title":"with charset"}', { "content-type": "application/json; charset=utf-8" });
    expect(res.status).toBe(201);
  });
});
