import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { upsertEnvFile } from "../../scripts/lib/env-files.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface VerifyCheck {
  id: string;
  status: "pass" | "fail" | "skip";
  reason: string;
  hint?: string;
}

export interface VerifyRun {
  code: number | null;
  stdout: string;
  stderr: string;
  checks: Map<string, VerifyCheck>;
}

/** Runs `npm run verify`'s script as a user would, and parses --json output when asked. */
export function runVerify(args: string[]): Promise<VerifyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(`${repoRoot}node_modules/.bin/tsx`, ["scripts/verify.ts", ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const checks = new Map<string, VerifyCheck>();
      if (args.includes("--json")) {
        for (const c of (JSON.parse(stdout) as { checks: VerifyCheck[] }).checks) checks.set(c.id, c);
      }
      resolve({ code, stdout, stderr, checks });
    });
  });
}

/** A folder shaped like a checkout's env files, for the file-level checks. */
export function envRoot(api: Record<string, string>, web: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "verify-env-"));
  upsertEnvFile(join(root, "apps/api/.env"), api);
  upsertEnvFile(join(root, "apps/web/.env.local"), web);
  return root;
}
