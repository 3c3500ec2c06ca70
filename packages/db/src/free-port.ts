import { createServer } from "node:net";

/** Can we listen on host:port right now? Hosts this machine lacks (no IPv6) do not count against it. */
function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "EAFNOSUPPORT" || error.code === "EADDRNOTAVAIL"),
    );
    server.listen({ port, host, ipv6Only: host === "::" }, () => server.close(() => resolve(true)));
  });
}

/**
 * Free on every address a service may listen on or be reached at: the loopback
 * (127.0.0.1, ::1, what "localhost" means to a browser) and the wildcards our
 * services bind. A program on any one of them would answer in their place.
 */
export async function isPortFree(port: number): Promise<boolean> {
  for (const host of ["127.0.0.1", "0.0.0.0", "::1", "::"]) {
    if (!(await canListen(port, host))) return false;
  }
  return true;
}

/** The preferred port when it is free, otherwise the next free one above it. */
export async function findFreePort(preferred: number, attempts = 50): Promise<number> {
  for (let port = preferred; port < preferred + attempts; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port between ${preferred} and ${preferred + attempts - 1}`);
}

/** A port the OS says is free right now (it picks one), for tests and extra processes. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
