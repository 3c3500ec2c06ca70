import type { CheckResult, Target } from "./types.ts";

const LABEL = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;

export function printText(results: CheckResult[], target: Target): void {
  console.log(`Verifying web ${target.webUrl} and API ${target.apiUrl}\n`);
  for (const r of results) {
    console.log(`${LABEL[r.status]}  ${r.id.padEnd(22)} ${r.title}: ${r.reason}`);
    if (r.status === "fail" && r.hint) console.log(`      ${"".padEnd(22)} hint: ${r.hint}`);
  }
  const count = (s: CheckResult["status"]) => results.filter((r) => r.status === s).length;
  console.log(`\n${count("pass")} passed, ${count("fail")} failed, ${count("skip")} skipped`);
}

export function printJson(results: CheckResult[], target: Target): void {
  const failed = results.filter((r) => r.status === "fail").length;
  console.log(JSON.stringify({ web: target.webUrl, api: target.apiUrl, ok: failed === 0, checks: results }, null, 2));
}
