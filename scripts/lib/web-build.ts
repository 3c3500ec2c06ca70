import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

import { ExitCode, StartError } from "./start-errors.ts";

// Build outputs, and files `next build` writes itself (next-env.d.ts): counting
// them would make the first build change the fingerprint and force a second one.
const SKIP = new Set(["node_modules", ".next", ".turbo", "test-results", "next-env.d.ts", "tsconfig.tsbuildinfo"]);

function collect(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith(".env")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else out.push(path);
  }
}

/** Fingerprint of everything that goes into the web build. */
export function sourceHash(root: string): string {
  const files: string[] = [];
  collect(join(root, "apps/web"), files);
  // Every workspace package's sources: the web bundles several of them (transpilePackages in
  // apps/web/next.config.ts), and a list kept by hand here went stale as packages were added.
  const packages = join(root, "packages");
  for (const pkg of existsSync(packages) ? readdirSync(packages) : []) {
    if (existsSync(join(packages, pkg, "src"))) collect(join(packages, pkg, "src"), files);
  }
  files.push(join(root, "package-lock.json"));
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(relative(root, file)).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * Runs `next build` only when the sources changed since the last build. Not spawnSync:
 * a Ctrl-C during the build must reach our handler and stop the start cleanly.
 */
export async function ensureWebBuild(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const stamp = join(root, "apps/web/.next/.source-hash");
  const hash = sourceHash(root);
  if (existsSync(join(root, "apps/web/.next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    return;
  }
  console.log("[start] building the web app (first start or sources changed)…");
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn("npm", ["run", "build", "-w", "@todo/web"], { cwd: root, env, stdio: "inherit" });
    child.once("error", () => resolve(null));
    child.once("exit", (code) => resolve(code));
  });
  if (status !== 0) throw new StartError("the web build failed (see the output above)", ExitCode.build);
  writeFileSync(stamp, hash);
}
