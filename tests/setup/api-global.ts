import "vitest";
import type { TestProject } from "vitest/node";
import { acquireTestDatabase } from "./database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await acquireTestDatabase("api");
  project.provide("databaseUrl", db.url);
  project.provide("databaseServerUrl", db.serverUrl);
  return db.release;
}
