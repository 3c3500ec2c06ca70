import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { createTokenStore } from "./token-store";

// Unit tests of the browser-side token logic; the real endpoint is covered by the e2e suite.
const tokenExpiringIn = (seconds: number) => {
  const payload = { sub: "u1", exp: Math.floor(Date.now() / 1000) + seconds };
  return `h.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.s`;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("token store", () => {
  it("reuses a token until shortly before it expires", async () => {
    const tokens = [tokenExpiringIn(900), tokenExpiringIn(900)];
    const fetch = vi.fn(async () => Response.json({ token: tokens.shift() }));
    vi.stubGlobal("fetch", fetch);
    const store = createTokenStore();
    const first = await store.get();
    expect(await store.get()).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("fetches a new token when the held one expires within a minute", async () => {
    const tokens = [tokenExpiringIn(30), tokenExpiringIn(900)];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ token: tokens.shift() })),
    );
    const store = createTokenStore();
    const first = await store.get();
    expect(await store.get()).not.toBe(first);
  });

  it("shares one request between concurrent callers", async () => {
    const fetch = vi.fn(async () => Response.json({ token: tokenExpiringIn(900) }));
    vi.stubGlobal("fetch", fetch);
    const store = createTokenStore();
    const [a, b] = await Promise.all([store.get(), store.get()]);
    expect(a).toBe(b);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("reports an ended session when /api/auth/token answers 401", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(null, { status: 401 })),
    );
    const error = await createTokenStore()
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("session");
  });
});
