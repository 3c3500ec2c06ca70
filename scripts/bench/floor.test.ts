import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/db/src/free-port.ts";
import { acquireTestDatabase, type TestDatabase } from "../../tests/setup/database.ts";
import { type Floor, recordAnswer, startFloor } from "./floor.ts";

// The bench's ceilings (ADR 0080) are only worth their figures if they answer what the API
// answered (floor) and really run the endpoint's SQL (lean, through either driver).
const root = fileURLToPath(new URL("../../", import.meta.url));
let database: TestDatabase;
const started: Floor[] = [];
let api: Server;
let apiOrigin: string;

beforeAll(async () => {
  database = await acquireTestDatabase("bench_floor");
  const port = await freePort();
  // Stands in for the API: an answer with headers of its own, and a JSON body.
  api = createServer((req, res) => {
    res.writeHead(req.method === "POST" ? 201 : 200, {
      "content-type": "application/json",
      "x-content-type-options": "nosniff",
      etag: '"v7"',
    });
    res.end(JSON.stringify({ id: "t1", title: "recorded" }));
  });
  await new Promise<void>((resolve) => api.listen(port, "127.0.0.1", resolve));
  apiOrigin = `http://127.0.0.1:${port}`;
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((f) => f.stop()));
});
afterAll(async () => {
  await new Promise((r) => api.close(r));
  await database.release();
});

describe("the bench's ceilings (ADR 0080)", () => {
  it("floor: answers each recorded request with the API's status, headers and body", async () => {
    const get = await recordAnswer({
      url: `${apiOrigin}/api/u/tasks/t1`,
      method: "GET",
      headers: {},
      expectStatus: 200,
    });
    const post = await recordAnswer({
      url: `${apiOrigin}/api/u/tasks`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      expectStatus: 201,
    });
    const floor = await startFloor(root, [get, post], 2);
    started.push(floor);

    const res = await fetch(`${floor.origin}/api/u/tasks/t1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"v7"');
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.json()).toEqual({ id: "t1", title: "recorded" });
    const created = await fetch(`${floor.origin}/api/u/tasks`, { method: "POST", body: "{}" });
    expect(created.status).toBe(201);
    // Only what was recorded is served: a bench aimed at the wrong path fails loudly.
    expect((await fetch(`${floor.origin}/api/u/tasks/other`)).status).toBe(404);
  });

  it("refuses to record an answer the bench did not expect", async () => {
    await expect(
      recordAnswer({ url: `${apiOrigin}/api/u/tasks`, method: "POST", headers: {}, body: "{}", expectStatus: 200 }),
    ).rejects.toThrow(/201/);
  });

  for (const driver of ["pg", "postgres"] as const) {
    it(`lean through ${driver}: runs the captured SQL with its parameters on every request`, async () => {
      const route = await recordAnswer({
        url: `${apiOrigin}/api/u/tasks/t1`,
        method: "GET",
        headers: {},
        expectStatus: 200,
      });
      const queries = [
        {
          sql: "select $1::int + count(*)::int as n from pg_stat_activity where datname = current_database()",
          parameters: [40],
        },
      ];
      const lean = await startFloor(root, [{ ...route, queries }], 1, { databaseUrl: database.url, driver });
      started.push(lean);
      const res = await fetch(`${lean.origin}/api/u/tasks/t1`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { n: number };
      // 40 plus at least the lean server's own connection: the database answered, not the recording.
      expect(body.n).toBeGreaterThan(40);
      expect(res.headers.get("etag")).toBe('"v7"');
      // A statement that fails is a 500, which the bench counts as a failed request.
      const broken = await startFloor(
        root,
        [{ ...route, queries: [{ sql: "select * from no_such_table", parameters: [] }] }],
        1,
        {
          databaseUrl: database.url,
          driver,
        },
      );
      started.push(broken);
      expect((await fetch(`${broken.origin}/api/u/tasks/t1`)).status).toBe(500);
    });
  }
});
