import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { EnvError, getServerEnv } = await import("./env");

const base = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://u@localhost:5432/db",
  BETTER_AUTH_SECRET: "k3J9x0pQ2mZ7vL5tR8wY1nB4cF6hD0sA2gE",
  BETTER_AUTH_URL: "https://todo.example",
  API_URL: "https://api.todo.example/",
} as NodeJS.ProcessEnv;

const failure = (env: NodeJS.ProcessEnv) => {
  try {
    getServerEnv(env);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
  }
  return "accepted";
};

describe("web configuration", () => {
  it("accepts a complete production configuration", () => {
    const env = getServerEnv(base);
    expect(env.apiUrl).toBe("https://api.todo.example");
    expect(env.authUrl).toBe("https://todo.example");
  });

  it.each([
    [{ BETTER_AUTH_SECRET: undefined }, "BETTER_AUTH_SECRET"],
    [{ BETTER_AUTH_SECRET: "short" }, "BETTER_AUTH_SECRET must be at least 32"],
    [{ BETTER_AUTH_SECRET: "change-me-change-me-change-me-change-me" }, "placeholder"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ BETTER_AUTH_URL: "http://todo.example" }, "BETTER_AUTH_URL must be https://"],
    [{ API_URL: undefined }, "API_URL"],
  ])("refuses %j in production, naming the variable", (override, message) => {
    expect(failure({ ...base, ...override })).toContain(message);
  });

  it("is lenient in development, where `npm start` writes the values", () => {
    const env = getServerEnv({ NODE_ENV: "development", DATABASE_URL: base.DATABASE_URL, BETTER_AUTH_SECRET: "dev" });
    expect(env.apiUrl).toBe("http://localhost:8000");
    expect(env.authUrl).toBe("http://localhost:3000");
  });

  it("takes NEXT_PUBLIC_API_URL when API_URL is absent", () => {
    expect(getServerEnv({ ...base, API_URL: undefined, NEXT_PUBLIC_API_URL: "https://x.example" }).apiUrl).toBe(
      "https://x.example",
    );
  });
});

describe("client-address settings for the rate limit", () => {
  it("reads the trusted headers and proxies as lists", () => {
    const env = getServerEnv({
      ...base,
      TRUSTED_IP_HEADERS: " x-real-ip , cf-connecting-ip",
      TRUSTED_PROXIES: "10.0.0.5",
    });
    expect(env.trustedIpHeaders).toEqual(["x-real-ip", "cf-connecting-ip"]);
    expect(env.trustedProxies).toEqual(["10.0.0.5"]);
    expect(getServerEnv(base).trustedIpHeaders).toBeUndefined();
  });

  it("refuses an empty secret even in development", () => {
    expect(failure({ ...base, NODE_ENV: "development", BETTER_AUTH_SECRET: "" })).toContain(
      "BETTER_AUTH_SECRET is required",
    );
  });
});
