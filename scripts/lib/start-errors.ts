import { EmbeddedStartError } from "../../packages/db/src/embedded-error.ts";

/** `npm start`'s exit codes (the README lists them). */
export const ExitCode = {
  stopped: 0,
  failed: 1,
  config: 2,
  portInUse: 3,
  database: 4,
  build: 5,
  notReady: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the person can act on: what happened, what to do, and the exit code. */
export class StartError extends Error {
  readonly fix: string | undefined;
  constructor(
    message: string,
    readonly code: ExitCode,
    options: { fix?: string } = {},
  ) {
    super(message);
    this.fix = options.fix;
  }
}

/** One plain line (no stack trace) and the exit code for any failure of the start. */
export function describeFailure(error: unknown): { line: string; code: ExitCode } {
  if (error instanceof StartError) {
    return { line: error.fix ? `${error.message}. Fix: ${error.fix}.` : error.message, code: error.code };
  }
  if (error instanceof EmbeddedStartError)
    return { line: `${error.message}. Fix: ${error.fix}.`, code: ExitCode.database };
  return { line: error instanceof Error ? error.message : String(error), code: ExitCode.failed };
}
