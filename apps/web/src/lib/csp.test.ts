import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./csp";

describe("content security policy", () => {
  const policy = (dev: boolean) =>
    contentSecurityPolicy({ nonce: "abc", apiOrigin: "https://api.example", dev, https: true });

  it("allows no eval and no framing in production, and lets the browser call the API", () => {
    expect(policy(false)).not.toContain("unsafe-eval");
    expect(policy(false)).toContain("frame-ancestors 'none'");
    expect(policy(false)).toContain("connect-src 'self' https://api.example");
    expect(policy(false)).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    // The offline shell's service worker: 'strict-dynamic' alone would refuse it.
    expect(policy(false)).toContain("worker-src 'self'");
  });

  it("makes nonces that differ", () => {
    expect(createNonce()).not.toBe(createNonce());
  });
});
