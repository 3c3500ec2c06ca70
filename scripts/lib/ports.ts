import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { isPortFree } from "../../packages/db/src/free-port.ts";
import { ExitCode, StartError } from "./start-errors.ts";

const LISTEN = "0A";

/** Socket inodes listening on `port`, from the kernel's tables (Linux only; empty elsewhere). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== LISTEN) continue;
      if (Number.parseInt(local.split(":")[1] ?? "", 16) === port && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/**
 * Which program listens on `port`, as "pid 123: node …/next-server", when this
 * user may see it (root sees every process); undefined when it cannot be told.
 */
export function portHolder(port: number): string | undefined {
  const inodes = listeningInodes(port);
  if (!inodes.size) return undefined;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      let link: string;
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) {
        const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
        return `pid ${pid}: ${command.length > 120 ? `${command.slice(0, 117)}…` : command}`;
      }
    }
  }
  return undefined;
}

export interface WantedPort {
  /** "web" or "API". */
  service: string;
  port: number;
  /** How to choose another one, e.g. "--web-port 3001 (or WEB_PORT=3001)". */
  howToChange: string;
}

/** Stops the start before anything is built or started when a port is taken (exit code 3). */
export async function ensurePortsFree(wanted: WantedPort[]): Promise<void> {
  const seen = new Map<number, string>();
  for (const { service, port } of wanted) {
    const other = seen.get(port);
    if (other) {
      throw new StartError(`the ${other} and the ${service} are both set to port ${port}`, ExitCode.config, {
        fix: "give them different ports (--web-port / --api-port)",
      });
    }
    seen.set(port, service);
  }
  for (const { service, port, howToChange } of wanted) {
    if (await isPortFree(port)) continue;
    const holder = portHolder(port);
    throw new StartError(
      `port ${port} for the ${service} is already in use${holder ? ` by ${holder}` : " by another program"}`,
      ExitCode.portInUse,
      { fix: `stop that program, or choose another port: ${howToChange}` },
    );
  }
}
