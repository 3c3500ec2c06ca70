import { describe, expect, it, vi } from "vitest";

// env.ts is server-only; outside Next the marker module would refuse to load.
vi.mock("server-only", () => ({}));
const { getServerEnv, EnvError } = await import("./env");

const base = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://u:p@db.example/todo",
  BETTER_AUTH_SECRET: "k3J9-x1QZp0vTt7mR2wYb8nLc4dFhGs6aE5u",
  BETTER_AUTH_URL: "https://todo.example",
  API_URL: "https://api.todo.example",
} as NodeJS.ProcessEnv;

describe("getServerEnv", () => {
  it("reads the trusted client-address headers and proxies as lists", () => {
    const env = getServerEnv({
      ...base,
      TRUSTED_IP_HEADERS: " x-real-ip , cf-connecting-ip",
      TRUSTED_PROXIES: "10.0.0.5",
    });
    expect(env.trustedIpHeaders).toEqual(["x-real-ip", "cf-connecting-ip"]);
    expect(env.trustedProxies).toEqual(["10.0.0.5"]);
    expect(getServerEnv(base).trustedIpHeaders).toBeUndefined();
  });

  it("refuses a short or placeholder secret in production, naming the variable", () => {
    expect(() => getServerEnv({ ...base, BETTER_AUTH_SECRET: "short" })).toThrow(EnvError);
    expect(() => getServerEnv({ ...base, BETTER_AUTH_SECRET: "short" })).toThrow(
      /BETTER_AUTH_SECRET must be at least 32/,
    );
    expect(() => getServerEnv({ ...base, BETTER_AUTH_SECRET: "change-me-change-me-change-me-change-me" })).toThrow(
      /BETTER_AUTH_SECRET looks like a placeholder/,
    );
  });

  it("refuses an empty secret even in development", () => {
    expect(() => getServerEnv({ ...base, NODE_ENV: "development", BETTER_AUTH_SECRET: "" })).toThrow(
      /BETTER_AUTH_SECRET is required/,
    );
  });
});
