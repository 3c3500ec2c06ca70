import cluster from "node:cluster";
import type { Logger } from "./lib/logger.ts";

/**
 * The primary of `API_WORKERS` > 1: forks the workers (each a whole API: its own pool,
 * sharing the listening socket through node:cluster) and serves nothing itself. A worker
 * that dies after it was serving is replaced; one that dies before it ever listened (bad
 * configuration, database schema missing) stops the whole process with its exit code rather
 * than being restarted forever. SIGTERM/SIGINT go to every worker, which finish their
 * in-flight requests (server.ts); the primary exits once all have, 0 only if all did cleanly.
 */
export function runPrimary(workers: number, logger: Logger): void {
  let stopping: NodeJS.Signals | undefined;
  let exitCode = 0;
  const listening = new Set<number>();
  for (let i = 0; i < workers; i++) cluster.fork();

  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    const served = listening.delete(worker.id);
    if (!stopping && served) {
      logger.error("worker died; starting another", { worker_pid: worker.process.pid, code, signal });
      cluster.fork();
      return;
    }
    if (!stopping) {
      exitCode = code || 1;
      stop("SIGTERM");
    }
    // A worker our own signal caught while it was still starting had no request to finish.
    else if (code !== 0 && !(signal === stopping && !served)) exitCode ||= code || 1;
    if (Object.keys(cluster.workers ?? {}).length === 0) {
      logger.info("stopped");
      process.exit(exitCode);
    }
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    logger.info("shutting down: each worker finishes its in-flight requests", { signal, workers });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
