export type Status = "pass" | "fail" | "skip";

export interface CheckResult {
  /** Stable id, named by the readiness spec (specs/.../spec.md). */
  id: string;
  title: string;
  status: Status;
  /** Why it passed or failed, in one line. Never contains a secret. */
  reason: string;
  /** What to do about a failure. */
  hint?: string;
  ms: number;
}

export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface Target {
  webUrl: string;
  apiUrl: string;
  /** --api2: a second API instance on the same database, for the live-events check. */
  api2Url?: string;
  /** False with --web/--api: files on this machine say nothing about that system. */
  local: boolean;
  rootDir: string;
}
