import cluster from "node:cluster";
import { serve } from "@hono/node-server";
import { createDb } from "@todo/db";
import { Redis } from "ioredis";
import { createApp } from "./create-app.ts";
import { EnvError, loadEnvFile, parseEnv } from "./env.ts";
import { startDraining } from "./lib/draining.ts";
import { createLogger, describeError } from "./lib/logger.ts";
import { createNotifier, eventsSetup } from "./sync/notifier.ts";
import { startSyncJob } from "./sync/retention-job.ts";
import { startPurgeJob } from "./trash/purge-job.ts";
import { runPrimary } from "./workers.ts";

// In-flight requests get this long to finish after SIGTERM before we stop anyway.
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Node's defaults let one request hold a connection for 5 minutes by sending its body a
 * byte at a time. Contract 3b: a body that trickles is cut off after 30 s (Node answers
 * 408 and closes); headers get 10 s; an idle keep-alive socket 5 s. The check runs every
 * second so the limits hold to the second, not to Node's 30 s sweep.
 */
export const SERVER_LIMITS = {
  requestTimeout: 30_000,
  headersTimeout: 10_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

function boot() {
  loadEnvFile();
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

const env = boot();
const logger = createLogger(env.LOG_LEVEL);
process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", describeError(reason)));
if (cluster.isPrimary && env.API_WORKERS > 1) {
  runPrimary(env.API_WORKERS, logger);
  // The primary only supervises: the rest of this file (pool, server) runs in each worker.
  await new Promise<never>(() => {});
}
const database = createDb(env.DATABASE_URL, {
  preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
  onConnectionError: (error) => logger.warn("database connection lost", describeError(error)),
});
// No offline queue: while Redis is away the limiter falls back to PostgreSQL instead of waiting.
const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false }) : undefined;
redis?.on("error", (error) => logger.warn("redis unavailable; rate limit counts in PostgreSQL", describeError(error)));
// Live events (issue 11): one LISTEN connection (or poller) per process, shared by its streams.
const notifier = createNotifier({ db: database.db, logger, ...eventsSetup(env) });
notifier.start();
const app = createApp({ db: database.db, pool: database.pool, redis, env, logger, notifier });
const stopPurge = startPurgeJob({ db: database.db, logger });
const stopSyncJob = startSyncJob({ db: database.db, logger });

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST, serverOptions: SERVER_LIMITS }, (info) => {
  logger.info("listening", {
    port: info.port,
    ...(cluster.worker ? { worker: cluster.worker.id } : {}),
    docs: `http://localhost:${info.port}/docs`,
    cors_origins: env.corsOrigins,
  });
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  stopPurge();
  stopSyncJob();
  // Open event streams end now (clients reconnect elsewhere) instead of holding close() open.
  void notifier.close();
  logger.info("shutting down: finishing in-flight requests", { signal, drain_ms: env.API_DRAIN_MS });
  const force = setTimeout(() => {
    logger.warn("shutdown grace period over; exiting with requests still open");
    process.exit(1);
  }, env.API_DRAIN_MS + SHUTDOWN_GRACE_MS);
  force.unref();
  // /ready answers 503 from now on; a balancer polling it stops sending here before we close.
  startDraining();
  if (env.API_DRAIN_MS > 0) setTimeout(closeServer, env.API_DRAIN_MS);
  else closeServer();
}

function closeServer() {
  // close() stops accepting and waits for open requests; idle keep-alive sockets are dropped now.
  server.close(async () => {
    await database.close().catch(() => {});
    redis?.disconnect();
    logger.info("stopped");
    process.exit(0);
  });
  if ("closeIdleConnections" in server) {
    server.closeIdleConnections();
    // A request finishing during the grace period leaves a keep-alive socket behind, which would
    // hold close() open (and keep serving) until the keep-alive timeout: drop each as it goes idle.
    setInterval(() => server.closeIdleConnections(), 100).unref();
  }
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
