import { describe, expect, inject, it } from "vitest";
import { cookieHeader, createUser } from "../e2e/support/users.ts";

describe("the Content-Security-Policy on prefetches", () => {
  it.each([
    ["Purpose: prefetch", { purpose: "prefetch" }],
    ["Sec-Purpose: prefetch", { "sec-purpose": "prefetch" }],
    ["Next-Router-Prefetch: 1", { "next-router-prefetch": "1" }],
  ])("a page requested with %s still carries the CSP", async (_label, headers) => {
    const webUrl = inject("webUrl");
    const user = await createUser("prefetch");
    for (const [path, cookie] of [
      ["/", undefined],
      ["/sign-in", undefined],
      ["/tasks", cookieHeader(user)],
    ] as const) {
      const res = await fetch(`${webUrl}${path}`, {
        headers: { ...headers, ...(cookie ? { cookie } : {}) },
        redirect: "manual",
      });
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, `${path} ${_label}`).toMatch(/script-src 'self' 'nonce-/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });
});
