import type { TestProject } from "vitest/node";
import { startControlServer } from "./harness/control-server.ts";
import { startStack } from "./harness/stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    databaseUrl: string;
    authSecret: string;
    /** POST /api/stop and /api/start here to take the API down and bring it back. */
    controlUrl: string;
    /** Folder holding the services' log files (api-N.log, web.log). */
    logDir: string;
  }
}

export default async function setup(project: TestProject) {
  const stack = await startStack("e2e");
  const control = await startControlServer(stack);
  project.provide("webUrl", stack.webUrl);
  project.provide("apiUrl", stack.apiUrl);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("authSecret", stack.authSecret);
  project.provide("controlUrl", control.url);
  project.provide("logDir", stack.logDir);
  console.log(`[e2e] web ${stack.webUrl} · api ${stack.apiUrl} · logs ${stack.logDir}`);
  return async () => {
    await control.close();
    await stack.stop();
  };
}
