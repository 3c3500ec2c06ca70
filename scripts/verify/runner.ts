import { CheckFailure, type CheckResult } from "./types.ts";

/** Runs checks in order; a check can depend on earlier ones through `needs`. */
export class Runner {
  readonly results: CheckResult[] = [];

  async check(
    id: string,
    title: string,
    run: () => Promise<string> | string,
    options: { needs?: string[]; skipWhen?: string } = {},
  ): Promise<boolean> {
    const started = performance.now();
    const record = (status: CheckResult["status"], reason: string, hint?: string) => {
      this.results.push({
        id,
        title,
        status,
        reason,
        ...(hint ? { hint } : {}),
        ms: Math.round(performance.now() - started),
      });
      return status === "pass";
    };
    if (options.skipWhen) return record("skip", options.skipWhen);
    const unmet = (options.needs ?? []).filter((need) => this.results.find((r) => r.id === need)?.status !== "pass");
    if (unmet.length) return record("fail", `not run: needs ${unmet.join(", ")} to pass first`);
    try {
      return record("pass", await run());
    } catch (error) {
      if (error instanceof CheckFailure) return record("fail", error.message, error.hint);
      return record("fail", `unexpected error: ${(error as Error).message}`);
    }
  }

  get failed(): number {
    return this.results.filter((r) => r.status === "fail").length;
  }
}
