import { createServer } from "node:http";
import type { Stack } from "./stack.ts";

/**
 * Tests run in worker processes; the services belong to the global setup's
 * process. This tiny local endpoint lets a test stop and restart the API
 * (the outage test), or restart the web (persistence), while the setup keeps
 * ownership for teardown.
 */
export async function startControlServer(stack: Stack): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      if (req.method === "POST" && req.url === "/api/stop") await stack.stopApi();
      else if (req.method === "POST" && req.url === "/api/start") await stack.startApi();
      else if (req.method === "POST" && req.url === "/web/restart") await stack.restartWeb();
      else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(204).end();
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
