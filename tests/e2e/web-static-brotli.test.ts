// ADR 0145: the web's own server sends the build's scripts in brotli to clients that accept it.
// Node's fetch decodes bodies itself, so these requests go through node:http's raw bytes instead.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";

function raw(url: string, headers: Record<string, string>, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

async function firstScript(webUrl: string): Promise<string> {
  const html = await (await fetch(`${webUrl}/sign-in`)).text();
  const src = html.match(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  if (!src) throw new Error("the sign-in page names no script");
  return src;
}

describe("static scripts in brotli (ADR 0145)", () => {
  it("a client that accepts br gets the script in brotli, identical to the gzip one, cached for good", async () => {
    const webUrl = inject("webUrl");
    const path = await firstScript(webUrl);
    const br = await raw(`${webUrl}${path}`, { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["cache-control"]).toContain("immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    const gz = await raw(`${webUrl}${path}`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const script = brotliDecompressSync(br.body);
    expect(script.equals(gunzipSync(gz.body))).toBe(true);
    expect(br.body.length).toBeLessThan(gz.body.length);

    const head = await raw(`${webUrl}${path}`, { "accept-encoding": "br" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("never serves a file outside the build's static folder, however the path is spelled", async () => {
    const webUrl = inject("webUrl");
    for (const path of [
      "/_next/static/..%2f..%2fpackage.json.js",
      "/_next/static/%2e%2e/%2e%2e/server.mjs.js",
      "/_next/static/../../next.config.ts.js",
      "/_next/static/%E0%A4%A.js",
    ]) {
      const res = await raw(`${webUrl}${path}`, { "accept-encoding": "br" });
      expect(res.headers["content-encoding"], path).not.toBe("br");
      expect(res.status, path).toBeGreaterThanOrEqual(400);
    }
  });
});
