const BASE = "http://internal.invalid";

/**
 * Where to go after signing in. Only same-site paths are accepted ("/tasks",
 * "/tasks?filter=active"); anything else falls back, so ?next= can never become an
 * open redirect. The value is judged after the browser's own URL normalisation
 * (dot segments, %2e, tabs and backslashes): "/.//evil.com" looks like a path but
 * normalises to "//evil.com", which a browser reads as another host. The normalised
 * form is what is returned, so the browser has nothing left to reinterpret.
 */
export function safeNextPath(value: unknown, fallback = "/tasks"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 512) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  try {
    const parsed = new URL(value, BASE);
    if (parsed.origin !== BASE) return fallback;
    const path = parsed.pathname;
    if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
    return `${path}${parsed.search}`;
  } catch {
    return fallback;
  }
}
