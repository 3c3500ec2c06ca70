import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../apps/api/src/lib/context.ts";

export interface Listening {
  port: number;
  origin: string;
  close: () => Promise<void>;
}

/** Serves the app through @hono/node-server (as server.ts does) on a free port of 127.0.0.1. */
export function listen(app: OpenAPIHono<AppEnv>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        origin: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
  });
}
