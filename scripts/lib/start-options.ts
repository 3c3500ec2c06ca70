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
  /** How many web and how many API processes, on consecutive ports from each service's port. */
  instances: number;
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

export const MAX_INSTANCES = 8;

/** `npm start [--dev] [--web-port N] [--api-port N] [--instances N]`, with WEB_PORT/API_PORT and the env files below them. */
export function readStartOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  paths: { api: string; web: string },
): StartOptions {
  let values: { dev?: boolean; "web-port"?: string; "api-port"?: string; instances?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dev: { type: "boolean" },
        "web-port": { type: "string" },
        "api-port": { type: "string" },
        instances: { type: "string" },
      },
    }));
  } catch (error) {
    throw new StartError((error as Error).message, ExitCode.config, {
      fix: "npm start accepts --dev, --web-port N, --api-port N and --instances N (after `--`: npm start -- --web-port 3001)",
    });
  }
  const instances = Number(values.instances ?? "1");
  if (!Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES) {
    throw new StartError(
      `--instances is "${values.instances}", not a number from 1 to ${MAX_INSTANCES}`,
      ExitCode.config,
    );
  }
  // Two `next dev` servers would fight over one .next folder.
  if (values.dev && instances > 1) {
    throw new StartError(
      "--instances above 1 runs the production build; it cannot be combined with --dev",
      ExitCode.config,
    );
  }
  return {
    dev: values.dev ?? false,
    instances,
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
