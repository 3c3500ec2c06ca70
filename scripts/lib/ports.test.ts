import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../packages/db/src/free-port.ts";
import { ensurePortsFree, portHolder } from "./ports.ts";
import { StartError } from "./start-errors.ts";

const servers: Server[] = [];
async function occupy(host: string): Promise<number> {
  const port = await freePort();
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return port;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function failure(promise: Promise<void>): Promise<StartError> {
  try {
    await promise;
  } catch (error) {
    return error as StartError;
  }
  throw new Error("expected the preflight to fail");
}

describe("the port preflight of npm start", () => {
  it("names a taken port, who holds it, and how to choose another (exit code 3)", async () => {
    const port = await occupy("127.0.0.1");
    const error = await failure(
      ensurePortsFree([{ service: "web", port, howToChange: `--web-port ${port + 1} (or WEB_PORT=${port + 1})` }]),
    );
    expect(error).toBeInstanceOf(StartError);
    expect(error.code).toBe(3);
    expect(error.message).toBe(`port ${port} for the web is already in use by ${portHolder(port)}`);
    expect(portHolder(port)).toMatch(new RegExp(`^pid ${process.pid}: .*node`));
    expect(error.fix).toContain(`--web-port ${port + 1} (or WEB_PORT=${port + 1})`);
  });

  it("sees a program listening on the IPv6 loopback only (where a browser's localhost may go)", async () => {
    const port = await occupy("::1").catch(() => undefined);
    if (port === undefined) return expect(servers).toHaveLength(1); // no IPv6 on this machine
    expect((await failure(ensurePortsFree([{ service: "API", port, howToChange: "" }]))).code).toBe(3);
  });

  it("refuses one port for both services (exit code 2) and lets free ports through", async () => {
    const port = await freePort();
    const error = await failure(
      ensurePortsFree([
        { service: "API", port, howToChange: "" },
        { service: "web", port, howToChange: "" },
      ]),
    );
    expect(error.code).toBe(2);
    await expect(ensurePortsFree([{ service: "API", port, howToChange: "" }])).resolves.toBeUndefined();
  });
});
