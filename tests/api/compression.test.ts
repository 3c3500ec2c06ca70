import { promisify } from "node:util";
import { brotliDecompress, gunzip, inflate } from "node:zlib";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESS_MIN_BYTES, chooseEncoding, compression } from "../../apps/api/src/middleware/compression.ts";
import { createHarness, type SignedInUser } from "./helpers/harness.ts";
import { call, createTask, tasksPath } from "./helpers/http.ts";

const h = createHarness();
let user: SignedInUser;

const DECODE = { br: promisify(brotliDecompress), gzip: promisify(gunzip), deflate: promisify(inflate) };

beforeAll(async () => {
  user = await h.signIn();
  // A page of tasks well over 1 KiB of JSON.
  for (let i = 0; i < 12; i++) await createTask(h.app, user.id, user.token, { title: `compressible task ${i}` });
});
afterAll(() => h.close());

const list = (acceptEncoding?: string) =>
  call(h.app, "GET", tasksPath(user.id), {
    token: user.token,
    headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
  });

describe("API answers compressed when the client accepts it", () => {
  it.each(["br", "gzip", "deflate"] as const)("a list of tasks in %s decodes to the same JSON", async (encoding) => {
    const plain = await (await list()).text();
    expect(Buffer.byteLength(plain)).toBeGreaterThan(COMPRESS_MIN_BYTES);
    const res = await list(encoding);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe(encoding);
    expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.byteLength);
    expect(body.byteLength).toBeLessThan(Buffer.byteLength(plain) / 2);
    expect((await DECODE[encoding](body)).toString("utf8")).toBe(plain);
  });

  it("a browser's usual header gets brotli; the client's weights win over ours", async () => {
    expect((await list("gzip, deflate, br, zstd")).headers.get("content-encoding")).toBe("br");
    expect((await list("br;q=0.5, gzip")).headers.get("content-encoding")).toBe("gzip");
    expect((await list("*")).headers.get("content-encoding")).toBe("br");
  });

  it("sends the body as it is when the client accepts no encoding we have, or refuses them", async () => {
    for (const header of [undefined, "identity", "zstd", "br;q=0, gzip;q=0, deflate;q=0"]) {
      const res = await list(header);
      expect(res.headers.get("content-encoding"), String(header)).toBeNull();
      // A cache must still keep the compressed and the plain answer apart.
      expect(res.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(Array.isArray(await res.json())).toBe(true);
    }
  });

  it("leaves the streamed export alone: compressing would hold the whole download in memory", async () => {
    const res = await call(h.app, "GET", `/api/${user.id}/export?format=json`, {
      token: user.token,
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(((await res.json()) as { tasks: unknown[] }).tasks.length).toBe(12);
  });

  it("leaves a small answer (under 1 KiB) uncompressed", async () => {
    const res = await call(h.app, "GET", "/health", { headers: { "accept-encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(JSON.parse(text)).toBeTruthy();
  });

  it("never compresses an event stream or an answer with an ETag, however large", async () => {
    // The sync endpoint's content type, on an app of its own: each event must leave as it is written.
    const app = new Hono();
    app.use(compression());
    const events = "data: {}\n\n".repeat(500);
    app.get("/events", (c) => c.body(events, 200, { "Content-Type": "text/event-stream" }));
    app.get("/json", (c) => c.json({ events }));
    app.get("/tagged", (c) => c.json({ events }, 200, { ETag: '"v7"' }));
    const stream = await app.request("/events", { headers: { "accept-encoding": "gzip, br" } });
    expect(stream.headers.get("content-encoding")).toBeNull();
    expect(await stream.text()).toBe(events);
    const json = await app.request("/json", { headers: { "accept-encoding": "gzip, br" } });
    expect(json.headers.get("content-encoding")).toBe("br");
    // A tagged answer keeps its strong ETag usable for If-Match: it is sent whole.
    const tagged = await app.request("/tagged", { headers: { "accept-encoding": "gzip, br" } });
    expect(tagged.headers.get("content-encoding")).toBeNull();
    expect(tagged.headers.get("etag")).toBe('"v7"');
  });

  it("picks the encoding by the header's weights (RFC 9110)", () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding("gzip;q=0.8, deflate;q=0.9")).toBe("deflate");
    expect(chooseEncoding("*;q=0.1, br;q=0")).toBe("gzip");
  });
});
