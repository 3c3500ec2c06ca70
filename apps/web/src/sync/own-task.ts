/**
 * Runs a start-up job in a task of its own, just after the current one, and gives the effect its
 * cleanup. The task page's effects (live sync, the cache's persister, the service worker, the
 * queue's first flush) all ran inside the one task in which React commits hydration: 26-47 ms of
 * this machine's time, four times that on Lighthouse's phone, where each task's time over 50 ms
 * counts as blocking. Apart, each is short (ADR 0151). `start` may return its own cleanup, as an
 * effect does.
 */
export function inOwnTask(start: () => unknown): () => void {
  let stop: unknown;
  let cancelled = false;
  const timer = setTimeout(() => {
    if (!cancelled) stop = start();
  }, 0);
  return () => {
    cancelled = true;
    clearTimeout(timer);
    if (typeof stop === "function") stop();
  };
}
