import type { Context } from "hono";
import { AppError } from "../errors/app-error.ts";

/**
 * ETags are strong and opaque: `"v{version}"`. Strong because If-Match compares strongly
 * (RFC 9110 13.1.1): a weak tag could never match. The version changes on every write of
 * the resource, which is all a client needs to say "only onto the version I saw" (ADR 0050).
 */
export const etagOf = (version: number) => `"v${version}"`;

const TAG = /^"v(\d{1,9})"$/;

/**
 * The versions an If-Match header accepts: undefined when there is no precondition (no
 * header, or `*`, which any existing resource satisfies). A tag that is weak, malformed or
 * not ours can never match, so it yields an empty list: the write answers 412.
 */
export function ifMatchVersions(header: string | undefined): number[] | undefined {
  if (header === undefined) return undefined;
  const tags = header
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.includes("*")) return undefined;
  return tags.flatMap((t) => {
    const m = TAG.exec(t);
    return m ? [Number(m[1])] : [];
  });
}

/** The request's If-Match, parsed. */
export const ifMatch = (c: Context) => ifMatchVersions(c.req.header("if-match"));

export const preconditionFailed = (current: unknown) =>
  new AppError(
    "PRECONDITION_FAILED",
    "It changed since the version you sent in If-Match; nothing was changed. `current` is how it is now.",
    { members: { current } },
  );

/** A read-only check (no write follows): the version seen must be one If-Match accepts. */
export function assertVersion<T extends { version: number }>(resource: T, versions: number[] | undefined): T {
  if (versions !== undefined && !versions.includes(resource.version)) throw preconditionFailed(resource);
  return resource;
}
