/**
 * Where to go after signing in. Only same-site paths are accepted ("/tasks",
 * "/tasks?filter=active"); anything else ("//evil.test", "https://…", "/\\evil")
 * falls back, so ?next= can never become an open redirect.
 */
export function safeNextPath(value: unknown, fallback = "/tasks"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 512) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  try {
    const parsed = new URL(value, "http://internal.invalid");
    if (parsed.origin !== "http://internal.invalid") return fallback;
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return fallback;
  }
}
