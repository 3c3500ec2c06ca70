/**
 * Registers the offline shell (public/sw.js, ADR 0127) and hands it this page and the files it
 * loaded, which came before the worker could see them. Production only: dev chunks are not
 * content-hashed, and a cache-first worker would serve stale code.
 */
export function registerServiceWorker(): void {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const files = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => new URL(name).origin === location.origin);
      const url = new URL(location.href);
      url.search = "";
      registration.active?.postMessage({ type: "keep", page: url.pathname, files });
    })
    .catch(() => {});
}

/** Signing out: the worker forgets the pages it kept for this person. */
export function forgetOfflinePages(): void {
  navigator.serviceWorker?.controller?.postMessage("forget");
}
