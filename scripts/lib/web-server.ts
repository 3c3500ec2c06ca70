/**
 * How the web's production server is started, in one place for `npm start` and the tests:
 * apps/web/server.mjs (Next's own handler, plus brotli for static scripts; ADR 0139).
 * Returns the command and its arguments.
 */
export function webServer(root: string, port: number, hostname?: string): [command: string, args: string[]] {
  const args = [`${root}apps/web/server.mjs`, "--port", String(port)];
  if (hostname) args.push("--hostname", hostname);
  return [process.execPath, args];
}
