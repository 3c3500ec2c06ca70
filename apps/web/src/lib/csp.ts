/**
 * The Content-Security-Policy of every page. Scripts and styles run only with the
 * per-request nonce (Next.js stamps it on its own tags), so an injected
 * `<script>` or inline handler never runs. The browser may only call our own
 * origin and the API.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  apiOrigin: string;
  dev: boolean;
  https: boolean;
}): string {
  const { nonce, apiOrigin, dev, https } = options;
  const directives = [
    "default-src 'self'",
    // React needs eval only for dev-mode error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    // The offline shell's service worker (/sw.js); 'strict-dynamic' would otherwise refuse it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Upgrading on a plain-http localhost run would break calls to the local API.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh, unguessable nonce per response. */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
