import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Minimal dotenv reader: KEY=VALUE lines, optional quotes, # comments. */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1]) continue;
    let value = match[2] ?? "";
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[match[1]] = value;
  }
  return out;
}

/**
 * Sets keys in an env file, keeping every other line (and the user's comments)
 * as it was; missing keys are appended. The file is private to its owner.
 */
export function upsertEnvFile(path: string, values: Record<string, string>, header = ""): void {
  const lines = existsSync(path) ? readFileSync(path, "utf8").split(/\r?\n/) : header ? header.split("\n") : [];
  const pending = new Map(Object.entries(values));
  const updated = lines.map((line) => {
    const key = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
    if (key && pending.has(key)) {
      const value = pending.get(key);
      pending.delete(key);
      return `${key}=${value}`;
    }
    return line;
  });
  while (updated.length && updated[updated.length - 1] === "") updated.pop();
  for (const [key, value] of pending) updated.push(`${key}=${value}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${updated.join("\n")}\n`, { mode: 0o600 });
}
