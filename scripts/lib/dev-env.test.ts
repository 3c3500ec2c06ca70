import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeDatabaseUrl, ensureDevEnvFiles } from "./dev-env.ts";
import { readEnvFile } from "./env-files.ts";

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), "dev-env-"));
  return { api: join(dir, "api.env"), web: join(dir, "web.env.local") };
};

describe("ensureDevEnvFiles (what npm start writes)", () => {
  it("creates both files with one generated secret shared by both", () => {
    const paths = fresh();
    expect(ensureDevEnvFiles(paths, { api: 8000, web: 3000 })).toEqual({ created: true, changes: [] });
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
    expect(ensureDevEnvFiles(paths, { api: 8000, web: 3000 })).toEqual({ created: false, changes: [] });
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

  it("other ports move every local origin and port in both files, and report each change", () => {
    const paths = fresh();
    ensureDevEnvFiles(paths, { api: 8000, web: 3000 });
    const { changes } = ensureDevEnvFiles(paths, { api: 8500, web: 3500 });
    expect(readEnvFile(paths.api)).toMatchObject({
      PORT: "8500",
      BETTER_AUTH_URL: "http://localhost:3500",
      WEB_ORIGIN: "http://localhost:3500",
    });
    expect(readEnvFile(paths.web)).toMatchObject({
      PORT: "3500",
      BETTER_AUTH_URL: "http://localhost:3500",
      API_URL: "http://localhost:8500",
    });
    expect(changes).toContainEqual({
      file: "web",
      key: "API_URL",
      from: "http://localhost:8000",
      to: "http://localhost:8500",
    });
    expect(changes).toContainEqual({
      file: "api",
      key: "WEB_ORIGIN",
      from: "http://localhost:3000",
      to: "http://localhost:3500",
    });
    expect(changes).toHaveLength(6);
  });

  it("keeps a public origin a person set, whatever the ports", () => {
    const paths = fresh();
    writeFileSync(paths.api, "BETTER_AUTH_URL=https://todo.example.com\nWEB_ORIGIN=https://todo.example.com\n");
    writeFileSync(paths.web, "BETTER_AUTH_URL=https://todo.example.com\nAPI_URL=https://api.example.com\n");
    ensureDevEnvFiles(paths, { api: 8500, web: 3500 });
    expect(readEnvFile(paths.api)).toMatchObject({ BETTER_AUTH_URL: "https://todo.example.com", PORT: "8500" });
    expect(readEnvFile(paths.web)).toMatchObject({ API_URL: "https://api.example.com", PORT: "3500" });
  });

  it("saves a DATABASE_URL given once in both files, replacing an older one", () => {
    const paths = fresh();
    ensureDevEnvFiles(paths, { api: 8000, web: 3000 }, { databaseUrl: "postgres://u:p@db.one:5432/a" });
    expect(readEnvFile(paths.api).DATABASE_URL).toBe("postgres://u:p@db.one:5432/a");
    expect(readEnvFile(paths.web).DATABASE_URL).toBe("postgres://u:p@db.one:5432/a");
    ensureDevEnvFiles(paths, { api: 8000, web: 3000 }); // a new shell, no DATABASE_URL: kept
    expect(readEnvFile(paths.web).DATABASE_URL).toBe("postgres://u:p@db.one:5432/a");
    ensureDevEnvFiles(paths, { api: 8000, web: 3000 }, { databaseUrl: "postgres://u:p@db.two:5432/b" });
    expect(readEnvFile(paths.api).DATABASE_URL).toBe("postgres://u:p@db.two:5432/b");
    expect(readEnvFile(paths.web).DATABASE_URL).toBe("postgres://u:p@db.two:5432/b");
  });

  it("describes a database URL without its password", () => {
    expect(describeDatabaseUrl("postgres://user:s3cret@db.example.com/todo?sslmode=require")).toBe(
      "db.example.com:5432/todo",
    );
  });
});
