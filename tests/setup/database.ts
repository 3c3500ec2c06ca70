import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../packages/db/src/embedded.ts";
import { migrate } from "../../packages/db/src/migrate.ts";

/**
 * One real PostgreSQL server for the whole test run: TEST_DATABASE_URL when set,
 * otherwise an embedded cluster kept in .data/postgres-test. Each caller (one per
 * Vitest project) gets its own brand-new scratch database, migrated from the real
 * history and dropped when released.
 *
 * Global setups of several projects run in the same main process, so the server
 * is shared through globalThis and stopped when the last user releases it.
 */
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

interface SharedServer {
  url: string;
  embedded?: EmbeddedDatabase;
  users: number;
}

const key = Symbol.for("todo.test-database-server");
type Holder = { [key]?: Promise<SharedServer> };
const holder = globalThis as Holder;

async function startServer(): Promise<SharedServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { url: external, users: 0 };
  const embedded = await startEmbeddedPostgres({
    stateDir: `${repoRoot}.data`,
    name: "postgres-test",
    preferredPort: 54339,
    log: (line) => console.log(`[test-db] ${line}`),
  });
  return { url: embedded.url, embedded, users: 0 };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  /** The server-level URL (its default database), for tests that need a second database. */
  serverUrl: string;
  release: () => Promise<void>;
}

export async function acquireTestDatabase(label: string): Promise<TestDatabase> {
  holder[key] ??= startServer();
  const server = await holder[key];
  server.users++;
  const name = `todo_test_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin(server.url, (c) => c.query(`create database "${name}"`));
  const url = withDatabase(server.url, name);
  await migrate(url);
  console.log(`[test-db] ${server.embedded ? "embedded PostgreSQL" : "TEST_DATABASE_URL"}: ${name}`);
  return {
    url,
    serverUrl: server.url,
    release: async () => {
      await admin(server.url, (c) => c.query(`drop database if exists "${name}" with (force)`));
      server.users--;
      if (server.users === 0) {
        delete holder[key];
        await server.embedded?.stop();
      }
    },
  };
}
