import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StartError } from "./start-errors.ts";
import { readStartOptions } from "./start-options.ts";

function files(api = "", web = "") {
  const dir = mkdtempSync(join(tmpdir(), "start-options-"));
  const paths = { api: join(dir, "api.env"), web: join(dir, "web.env.local") };
  writeFileSync(paths.api, api);
  writeFileSync(paths.web, web);
  return paths;
}

describe("which ports npm start uses, and where each came from", () => {
  it("flag over variable over env file over default", () => {
    const paths = files("PORT=8100\n", "PORT=3100\n");
    expect(readStartOptions([], {}, files())).toMatchObject({
      web: { port: 3000, source: "default" },
      api: { port: 8000, source: "default" },
    });
    expect(readStartOptions([], {}, paths)).toMatchObject({
      web: { port: 3100, source: "apps/web/.env.local" },
      api: { port: 8100, source: "apps/api/.env" },
    });
    expect(readStartOptions([], { WEB_PORT: "3200", API_PORT: "8200" }, paths)).toMatchObject({
      web: { port: 3200, source: "WEB_PORT" },
      api: { port: 8200, source: "API_PORT" },
    });
    expect(readStartOptions(["--web-port", "3300", "--api-port=8300", "--dev"], { WEB_PORT: "3200" }, paths)).toEqual({
      dev: true,
      instances: 1,
      web: { port: 3300, source: "--web-port" },
      api: { port: 8300, source: "--api-port" },
    });
  });

  it("a port that is not a number, or an unknown flag, is a configuration error (exit code 2)", () => {
    const attempt = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      try {
        readStartOptions(argv, env, files());
      } catch (error) {
        return error as StartError;
      }
      throw new Error("expected a configuration error");
    };
    expect(attempt([], { WEB_PORT: "80a" })).toMatchObject({
      code: 2,
      message: 'WEB_PORT is "80a", not a port number (1-65535)',
    });
    expect(attempt(["--api-port", "70000"])).toMatchObject({ code: 2 });
    expect(attempt(["--port", "1"]).fix).toMatch(/--web-port N, --api-port N and --instances N/);
  });

  it("--instances N runs N of each service (1 to 8); dev servers cannot share one checkout", () => {
    expect(readStartOptions(["--instances", "2"], {}, files()).instances).toBe(2);
    const refused = (argv: string[]) => {
      try {
        readStartOptions(argv, {}, files());
      } catch (error) {
        return error as StartError;
      }
      throw new Error("expected a configuration error");
    };
    expect(refused(["--instances", "0"])).toMatchObject({
      code: 2,
      message: '--instances is "0", not a number from 1 to 8',
    });
    expect(refused(["--instances", "two"])).toMatchObject({ code: 2 });
    expect(refused(["--instances", "2", "--dev"])).toMatchObject({ code: 2, message: expect.stringMatching(/--dev/) });
  });
});
