// Priority (`p1`..`p4`), labels (`@name`, the 6.1 label rule) and lists (`#Name` of the user's lists).
import { type Form, overlaps, type Span, words } from "./scan.ts";

export const priorityForms: Form<number>[] = [{ pattern: words("p([1-4])"), read: (m) => Number(m[1]) }];

/** Contract 6.1: at most 20 labels on a task, each 1 to 50 characters (code points). */
const MAX_LABELS = 20;
const MAX_LABEL_LENGTH = 50;

export const labelForms: Form<string>[] = [
  {
    // `@` at the start of a word (an e-mail address is not a label); trailing sentence
    // punctuation (`@john.`) belongs to the sentence, not the label.
    pattern: /(?<!\S)@([^\s#@]*[^\s#@.,;:!?)\]])(?=[.,;:!?)\]]*(?:\s|$))/gu,
    read: (m) => {
      const name = m[1] ?? "";
      return [...name].length <= MAX_LABEL_LENGTH ? name : null;
    },
  },
];

/** Merges labels that differ only in case, keeping the first spelling, in order. */
export function mergeLabels(found: { value: string }[]): { kept: boolean[]; labels: string[] } {
  const seen = new Set<string>();
  const labels: string[] = [];
  const kept = found.map(({ value }) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return true;
    if (labels.length >= MAX_LABELS) return false;
    seen.add(key);
    labels.push(value);
    return true;
  });
  return { kept, labels };
}

export interface ListRef {
  id: string;
  name: string;
}

/**
 * The `#Name` of one of the user's lists at the start of a word: names ignore case, may hold
 * spaces, and the longest that matches wins (`#Home Office` over `#Home`).
 */
export function findList(text: string, lists: readonly ListRef[], blocked: readonly Span[]) {
  const byLength = [...lists].sort((a, b) => b.name.length - a.name.length);
  for (let at = text.indexOf("#"); at >= 0; at = text.indexOf("#", at + 1)) {
    if (at > 0 && /\S/u.test(text[at - 1] ?? "")) continue;
    for (const list of byLength) {
      const end = at + 1 + list.name.length;
      const span = { start: at, end };
      if (list.name === "" || text.slice(at + 1, end).toLowerCase() !== list.name.toLowerCase()) continue;
      if (/^[\p{L}\p{N}\p{M}_]/u.test(text.slice(end))) continue;
      if (overlaps(span, blocked)) continue;
      return { ...span, value: list.id };
    }
  }
  return null;
}
