import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureDevEnvFiles } from "./dev-env.ts";
import { readEnvFile } from "./env-files.ts";

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "dev-env-"));
  return { api: join(dir, "api.env"), web: join(dir, "web.env.local") };
};

describe("ensureDevEnvFiles (what npm start writes)", () => {
  it("creates both files with one generated secret shared by both", () => {
    const paths = fresh();
    expect(ensureDevEnvFiles(paths, { api: 8000, web: 3000 })).toEqual({ created: true });
    const api = readEnvFile(paths.api);
    const web = readEnvFile(paths.web);
    expect(api.BETTER_AUTH_SECRET?.length).toBeGreaterThanOrEqual(32);
    expect(web.BETTER_AUTH_SECRET).toBe(api.BETTER_AUTH_SECRET);
    expect(api).toMatchObject({
      BETTER_AUTH_URL: "http://localhost:3000",
      WEB_ORIGIN: "http://localhost:3000",
      PORT: "8000",
    });
    expect(web).toMatchObject({
      BETTER_AUTH_URL: "http://localhost:3000",
      API_URL: "http://localhost:8000",
      PORT: "3000",
    });
    expect(api.DATABASE_URL).toBeUndefined(); // unset: npm start runs the embedded PostgreSQL
  });

  it("a second start reuses the secret and changes nothing", () => {
    const paths = fresh();
    ensureDevEnvFiles(paths, { api: 8000, web: 3000 });
    const before = [readFileSync(paths.api, "utf8"), readFileSync(paths.web, "utf8")];
    expect(ensureDevEnvFiles(paths, { api: 8000, web: 3000 })).toEqual({ created: false });
    expect([readFileSync(paths.api, "utf8"), readFileSync(paths.web, "utf8")]).toEqual(before);
  });

  it("uses the ports it is given, so BETTER_AUTH_URL matches the web", () => {
    const paths = fresh();
    ensureDevEnvFiles(paths, { api: 8100, web: 3100 });
    expect(readEnvFile(paths.web)).toMatchObject({
      BETTER_AUTH_URL: "http://localhost:3100",
      API_URL: "http://localhost:8100",
    });
  });

  it("keeps what a person set and copies a secret that exists on one side only", () => {
    const paths = fresh();
    const secret = "s".repeat(10) + "0123456789abcdefghijklmnopqrstuvwxyz";
    writeFileSync(paths.web, `# mine\nBETTER_AUTH_SECRET=${secret}\nAPI_URL=http://api.local:9000\n`);
    ensureDevEnvFiles(paths, { api: 8000, web: 3000 });
    expect(readEnvFile(paths.api).BETTER_AUTH_SECRET).toBe(secret);
    expect(readEnvFile(paths.web).API_URL).toBe("http://api.local:9000");
    expect(readFileSync(paths.web, "utf8")).toMatch(/^# mine\n/);
  });

  it("refuses two different secrets, naming both files", () => {
    const paths = fresh();
    writeFileSync(paths.api, `BETTER_AUTH_SECRET=${"a".repeat(40)}\n`);
    writeFileSync(paths.web, `BETTER_AUTH_SECRET=${"b".repeat(40)}\n`);
    expect(() => ensureDevEnvFiles(paths, { api: 8000, web: 3000 })).toThrow(
      /BETTER_AUTH_SECRET differs between .*api\.env and .*web\.env\.local/,
    );
  });
});
