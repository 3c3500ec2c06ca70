import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../apps/api/src/env.ts";
import { freePort, spawnApi } from "./helpers/process.ts";
import { TEST_SECRET } from "./helpers/tokens.ts";

const STRONG = "Zq7vJ0m4X2pL9sR1tY6uW3eB8nC5kD0aHfGiOj"; // 38 random-looking characters
const base = {
  DATABASE_URL: "postgres://user:pw@127.0.0.1:5432/todo",
  BETTER_AUTH_SECRET: STRONG,
  BETTER_AUTH_URL: "http://localhost:3000",
};

/** parseEnv must throw an EnvError whose message names `variable`. */
function refuses(env: Record<string, string | undefined>, variable: string) {
  let error: unknown;
  try {
    parseEnv(env);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(EnvError);
  expect((error as Error).message).toContain(variable);
  return (error as Error).message;
}

describe("parseEnv", () => {
  it("accepts a complete env and fills the defaults", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 8000, LOG_LEVEL: "info" });
    expect(env.BETTER_AUTH_URL).toBe("http://localhost:3000");
    expect(env.corsOrigins).toEqual(["http://localhost:3000"]);
  });

  it("reads WEB_ORIGIN as a list of origins", () => {
    const env = parseEnv({ ...base, WEB_ORIGIN: "https://app.example, http://localhost:3000/" });
    expect(env.corsOrigins).toEqual(["https://app.example", "http://localhost:3000"]);
  });

  it.each([
    ["DATABASE_URL missing", { DATABASE_URL: undefined }, "DATABASE_URL"],
    ["DATABASE_URL not postgres", { DATABASE_URL: "mysql://localhost/todo" }, "DATABASE_URL"],
    ["BETTER_AUTH_SECRET missing", { BETTER_AUTH_SECRET: undefined }, "BETTER_AUTH_SECRET"],
    ["BETTER_AUTH_SECRET empty", { BETTER_AUTH_SECRET: "" }, "BETTER_AUTH_SECRET"],
    ["BETTER_AUTH_URL missing", { BETTER_AUTH_URL: undefined }, "BETTER_AUTH_URL"],
    ["BETTER_AUTH_URL not a URL", { BETTER_AUTH_URL: "localhost-3000" }, "BETTER_AUTH_URL"],
    ["WEB_ORIGIN *", { WEB_ORIGIN: "*" }, "WEB_ORIGIN"],
    ["WEB_ORIGIN with * in a list", { WEB_ORIGIN: "http://localhost:3000,*" }, "WEB_ORIGIN"],
    ["CORS_ORIGINS *", { CORS_ORIGINS: "*" }, "CORS_ORIGINS"],
    ["PORT not a number", { PORT: "eighty" }, "PORT"],
    ["PORT out of range", { PORT: "70000" }, "PORT"],
    ["NODE_ENV unknown", { NODE_ENV: "staging" }, "NODE_ENV"],
    [
      "DATABASE_PREPARED_STATEMENTS not a boolean",
      { DATABASE_PREPARED_STATEMENTS: "sometimes" },
      "DATABASE_PREPARED_STATEMENTS",
    ],
  ])("refuses %s, naming the variable", (_name, overrides, variable) => {
    refuses({ ...base, ...overrides }, variable);
  });

  it("prepares statements unless DATABASE_PREPARED_STATEMENTS says false (ADR 0079)", () => {
    expect(parseEnv(base).DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ ...base, DATABASE_PREPARED_STATEMENTS: "false" }).DATABASE_PREPARED_STATEMENTS).toBe(false);
    expect(parseEnv({ ...base, DATABASE_PREPARED_STATEMENTS: "true" }).DATABASE_PREPARED_STATEMENTS).toBe(true);
  });

  it("names every wrong variable at once", () => {
    const message = refuses({ BETTER_AUTH_URL: "nope" }, "DATABASE_URL");
    expect(message).toContain("BETTER_AUTH_SECRET");
    expect(message).toContain("BETTER_AUTH_URL");
  });

  describe("in production", () => {
    const prod = { ...base, NODE_ENV: "production" };
    it("accepts a strong secret", () => {
      expect(parseEnv(prod).BETTER_AUTH_SECRET).toBe(STRONG);
      expect(parseEnv({ ...prod, BETTER_AUTH_SECRET: TEST_SECRET }).NODE_ENV).toBe("production");
    });

    it.each([
      ["missing", undefined],
      ["31 characters", STRONG.slice(0, 31)],
      ["a placeholder", "change-me-change-me-change-me-change-me"],
      ["an example value", "your-secret-here-at-least-32-characters-long"],
      ["one repeated character", "x".repeat(48)],
    ])("refuses a secret that is %s", (_name, secret) => {
      const message = refuses({ ...prod, BETTER_AUTH_SECRET: secret }, "BETTER_AUTH_SECRET");
      if (secret) expect(message).not.toContain(secret);
    });
  });
});

describe("the server process with a bad env", () => {
  const run = async (env: Record<string, string>) => {
    const proc = spawnApi({
      ...base,
      NODE_ENV: "test",
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
      WEB_ORIGIN: "http://localhost:3000",
      ...env,
    });
    const code = await proc.exited;
    return { code, stderr: proc.stderr(), stdout: proc.stdout() };
  };

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost/todo" }],
    ["WEB_ORIGIN", { WEB_ORIGIN: "*" }],
    ["BETTER_AUTH_URL", { BETTER_AUTH_URL: "not a url" }],
    ["BETTER_AUTH_SECRET", { NODE_ENV: "production", BETTER_AUTH_SECRET: "too-short" }],
  ])(
    "exits non-zero naming %s on stderr",
    async (variable, env) => {
      const { code, stderr, stdout } = await run(env);
      expect(code).not.toBe(0);
      expect(typeof code).toBe("number");
      expect(stderr).toContain(variable);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stdout).not.toContain("listening");
    },
    30_000,
  );
});
