import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { getServerEnv } from "./env";
import { contentSecurityPolicy, createNonce } from "./lib/csp";

/**
 * Runs before every page: stamps a nonce-based CSP, and sends visitors without a
 * session cookie straight to sign-in. The cookie test is only a fast path; the
 * pages themselves check the session against the database.
 */
const PROTECTED = ["/tasks", "/settings"];

export function proxy(request: NextRequest) {
  const env = getServerEnv();
  const { pathname, search } = request.nextUrl;

  if (PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`)) && !getSessionCookie(request)) {
    const target = new URL("/sign-in", request.url);
    target.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(target);
  }

  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    apiOrigin: new URL(env.apiUrl).origin,
    dev: process.env.NODE_ENV === "development",
    https: env.authUrl.startsWith("https://"),
  });
  // Next.js reads the nonce from the request's CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// Prefetches are not skipped (Next.js's examples do): a prefetched page is an HTML answer
// too, and every HTML answer carries the CSP (contract 3b).
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
