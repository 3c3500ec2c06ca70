// The offline app shell (issue 11, ADR 0127). Hand-written and small on purpose:
// - pages (navigations): network first; a good answer is kept, and served when the network fails,
//   with its own headers, so the page's CSP and its nonce still match the scripts it names;
// - Next's hashed static files: cache first (their names change when their content does);
// - everything else (the API on its own origin, auth): never touched.
const SHELL = "todo-shell-v1";
const STATIC = "todo-static-v1";

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (![SHELL, STATIC].includes(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/**
 * The page that registered us loaded before we controlled it: keep it and the files it used. The
 * page sends its files again as more finish loading (lazily loaded panels), without `page` then.
 */
async function keep({ page: path, files }) {
  const statics = await caches.open(STATIC);
  await Promise.all(
    files
      .filter((file) => {
        const url = new URL(file, self.location.origin);
        return url.origin === self.location.origin && url.pathname.startsWith("/_next/static/");
      })
      .map((file) => statics.match(file).then((hit) => hit ?? statics.add(file).catch(() => {}))),
  );
  if (!path) return;
  const url = new URL(path, self.location.origin);
  if (!url.pathname.startsWith("/tasks")) return;
  const response = await fetch(url.href, { credentials: "same-origin" }).catch(() => null);
  if (response?.ok && !response.redirected) await (await caches.open(SHELL)).put(url.href, response);
}

/**
 * Every script and style of the build (the web's server lists them, ADR 0147), a few at a time:
 * the panels a page only loads when used are then there offline, fetched here rather than run early
 * by the page. Files already kept are not fetched again; a failure leaves the rest for next time.
 */
async function keepBuild() {
  const response = await fetch("/offline-files.json", { cache: "no-store" });
  // Served by `npm start`'s server (apps/web/server.mjs); elsewhere files are kept as pages use them.
  if (response.status === 404) return;
  if (!response.ok) throw new Error(`offline-files.json: ${response.status}`);
  const { files } = await response.json();
  const statics = await caches.open(STATIC);
  for (let i = 0; i < files.length; i += 4) {
    await Promise.all(
      files.slice(i, i + 4).map((file) => statics.match(file).then((hit) => hit ?? statics.add(file).catch(() => {}))),
    );
  }
}
let keepingBuild = null;

self.addEventListener("message", (event) => {
  // Signing out forgets the pages of that person.
  if (event.data === "forget") event.waitUntil(caches.delete(SHELL));
  else if (event.data?.type === "keep") {
    // Once per start of this worker; a try that failed is made again at the next message.
    keepingBuild ??= keepBuild().catch(() => {
      keepingBuild = null;
    });
    event.waitUntil(Promise.all([keep(event.data), keepingBuild]));
  }
});

async function page(request) {
  const cache = await caches.open(SHELL);
  const key = new URL(request.url);
  key.search = "";
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && key.pathname.startsWith("/tasks"))
      await cache.put(key.href, response.clone());
    return response;
  } catch (error) {
    const kept = (await cache.match(key.href)) ?? (await cache.match(new URL("/tasks", key).href));
    if (kept) return kept;
    throw error;
  }
}

async function staticFile(request) {
  const cache = await caches.open(STATIC);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (url.pathname.startsWith("/_next/static/")) event.respondWith(staticFile(request));
});
