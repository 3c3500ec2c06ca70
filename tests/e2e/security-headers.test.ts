import { describe, expect, inject, it } from "vitest";
import { cookieHeader, createUser } from "./support/users.ts";

function expectSecurityHeaders(response: Response, url: string) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, url).not.toBe("");
  expect(csp, url).not.toContain("unsafe-eval");
  expect(csp, url).toContain("frame-ancestors 'none'");
  expect(response.headers.get("x-content-type-options"), url).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), url).toBeTruthy();
  return csp;
}

describe("security headers", () => {
  it("every page sends a strict CSP, nosniff, a referrer policy and refuses framing", async () => {
    const webUrl = inject("webUrl");
    const user = await createUser("headers");
    const pages = [
      ["/", undefined],
      ["/sign-in", undefined],
      ["/sign-up", undefined],
      ["/tasks", cookieHeader(user)],
    ] as const;
    for (const [path, cookie] of pages) {
      const response = await fetch(`${webUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      expect(response.status, path).toBe(200);
      const csp = expectSecurityHeaders(response, path);
      // Scripts only with this response's nonce; the browser may call only us and the API.
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp, path).toContain(`connect-src 'self' ${inject("apiUrl")}`);
    }
  });

  it("a fresh nonce on every response", async () => {
    const webUrl = inject("webUrl");
    const nonce = async () =>
      (await fetch(`${webUrl}/sign-in`)).headers.get("content-security-policy")?.match(/nonce-([^']+)/)?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  it("redirects and JSON endpoints carry the headers too", async () => {
    const webUrl = inject("webUrl");
    const redirect = await fetch(`${webUrl}/tasks`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("x-content-type-options")).toBe("nosniff");
    const health = await fetch(`${webUrl}/api/health`);
    expectSecurityHeaders(health, "/api/health");
  });
});
