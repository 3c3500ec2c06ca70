import { parseArgs } from "node:util";
import { readEnvFile } from "./env-files.ts";
import { ExitCode, StartError } from "./start-errors.ts";

export interface ChosenPort {
  port: number;
  /** Where the value came from, printed by the start: "--web-port", "WEB_PORT", "apps/web/.env.local", "default". */
  source: string;
}

export interface StartOptions {
  dev: boolean;
  web: ChosenPort;
  api: ChosenPort;
}

function parsePort(value: string, source: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartError(`${source} is "${value}", not a port number (1-65535)`, ExitCode.config);
  }
  return port;
}

/** The first of: the flag, the environment variable, the env file's PORT, the default. */
function choose(candidates: [string | undefined, string][], fallback: number): ChosenPort {
  for (const [value, source] of candidates) {
    if (value) return { port: parsePort(value, source), source };
  }
  return { port: fallback, source: "default" };
}

/** `npm start [--dev] [--web-port N] [--api-port N]`, with WEB_PORT/API_PORT and the env files below them. */
export function readStartOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  paths: { api: string; web: string },
): StartOptions {
  let values: { dev?: boolean; "web-port"?: string; "api-port"?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { dev: { type: "boolean" }, "web-port": { type: "string" }, "api-port": { type: "string" } },
    }));
  } catch (error) {
    throw new StartError((error as Error).message, ExitCode.config, {
      fix: "npm start accepts --dev, --web-port N and --api-port N (after `--`: npm start -- --web-port 3001)",
    });
  }
  return {
    dev: values.dev ?? false,
    web: choose(
      [
        [values["web-port"], "--web-port"],
        [env.WEB_PORT, "WEB_PORT"],
        [readEnvFile(paths.web).PORT, "apps/web/.env.local"],
      ],
      3000,
    ),
    api: choose(
      [
        [values["api-port"], "--api-port"],
        [env.API_PORT, "API_PORT"],
        [readEnvFile(paths.api).PORT, "apps/api/.env"],
      ],
      8000,
    ),
  };
}
