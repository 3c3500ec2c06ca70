import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../packages/db/src/free-port.ts";
import { waitForRun } from "./processes.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A program answering /health 200 with the given body, as another copy of the API would. */
async function healthServer(body: object): Promise<string> {
  const port = await freePort();
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return `http://127.0.0.1:${port}/health`;
}

describe("npm start's readiness wait", () => {
  it("does not take another program's 200 for its own service", async () => {
    const url = await healthServer({ status: "ok" });
    await expect(waitForRun(url, "run-1", 1_500, () => true)).rejects.toThrow(/did not answer within 1.5s/);
    const other = await healthServer({ status: "ok", run_id: "run-2" });
    await expect(waitForRun(other, "run-1", 1_500, () => true)).rejects.toThrow(/did not answer/);
  });

  it("accepts the answer that carries its run id", async () => {
    const url = await healthServer({ status: "ok", run_id: "run-1" });
    await expect(waitForRun(url, "run-1", 5_000, () => true)).resolves.toBeUndefined();
  });

  it("gives up at once when its process has exited", async () => {
    const url = await healthServer({ status: "ok" });
    await expect(waitForRun(url, "run-1", 30_000, () => false)).rejects.toThrow(/exited before it answered/);
  });
});
