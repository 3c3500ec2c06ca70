import { readdirSync, readFileSync } from "node:fs";

const parentOf = (pid: number): number | undefined => {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined; // exited meanwhile
  }
};

export const rssKiB = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
};

/** `root` and every process below it (tsx's node, cluster workers), from Linux /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

// Linux reports CPU time in clock ticks of 1/100 s on every platform Node supports.
const TICKS_PER_SECOND = 100;

const cpuTicks = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

/**
 * CPU time these processes have used so far, in ms (user + system). Per request it is the
 * figure a busy shared machine moves least: other jobs steal wall time, not CPU time.
 */
export const cpuMs = (pids: number[]) => (pids.reduce((sum, pid) => sum + cpuTicks(pid), 0) * 1000) / TICKS_PER_SECOND;

/** Resident memory of these processes in MiB. */
export const rssMiB = (pids: number[]) => Math.round(pids.reduce((sum, pid) => sum + rssKiB(pid), 0) / 1024);
