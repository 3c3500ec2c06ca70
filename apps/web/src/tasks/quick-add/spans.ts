/** A range of UTF-16 offsets into the add field's text, as the parser's `tokens` and `literal` use. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Keeps the "keep as text" ranges on the same words while the text is edited: ranges before
 * the edit stay, ranges after it move by the length change, an edit inside a range (fixing a
 * letter, Backspace at its end) resizes it, and an edit that crosses its edge drops it. Typing
 * right after a range does not grow it, so ` p1` typed after a kept word is still read.
 */
export function shiftSpans(spans: readonly Span[], before: string, after: string): Span[] {
  if (before === after) return [...spans];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++;
  const changedEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept: Span[] = [];
  for (const span of spans) {
    if (span.end <= prefix) kept.push(span);
    else if (span.start >= changedEnd) kept.push({ start: span.start + delta, end: span.end + delta });
    else if (prefix >= span.start && changedEnd <= span.end && span.end + delta > span.start) {
      kept.push({ start: span.start, end: span.end + delta });
    }
  }
  return kept;
}
