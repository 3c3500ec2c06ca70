import type { ImportResult } from "@todo/contract";

const n = (count: number, one: string) => `${count.toLocaleString()} ${one}${count === 1 ? "" : "s"}`;

/** "2 lists and 40 tasks will be added; 3 lines skipped: line 4 (a note…), …" */
export function describeImport(result: ImportResult, dryRun: boolean): string {
  const verb = dryRun ? "will be added" : "were added";
  const head = `${n(result.lists_created, "list")} and ${n(result.tasks_created, "task")} ${verb}`;
  if (result.skipped.length === 0) return `${head}.`;
  const shown = result.skipped.slice(0, 5).map((s) => `line ${s.line} (${s.reason})`);
  const more = result.skipped.length > 5 ? `, and ${result.skipped.length - 5} more` : "";
  return `${head}; ${n(result.skipped.length, "line")} skipped: ${shown.join(", ")}${more}.`;
}
