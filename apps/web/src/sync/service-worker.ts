/**
 * Registers the offline shell (public/sw.js, ADR 0127) and hands it this page and every file the
 * page loads from its own origin. Files fetched before the worker controlled the page never went
 * through it, and that includes the panels loaded lazily after the load event (quick add, edit,
 * bulk bar) when they finish after the worker started: a one-off list taken at registration missed
 * those, so after a reload made offline the add field could not read a line. Watching resource
 * entries, past and future, misses none. Production only: dev chunks are not content-hashed, and a
 * cache-first worker would serve stale code.
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // The page itself once (its address without the query); then the files as they finish. The
      // worker keeps only its own origin's static files, and skips those it already holds.
      let page: string | undefined = location.pathname;
      new PerformanceObserver((list) => {
        registration.active?.postMessage({ type: "keep", page, files: list.getEntries().map((entry) => entry.name) });
        page = undefined;
      }).observe({ type: "resource", buffered: true });
    })
    .catch(() => {});
}

/** Signing out: the worker forgets the pages it kept for this person. */
export function forgetOfflinePages(): void {
  navigator.serviceWorker?.controller?.postMessage("forget");
}
