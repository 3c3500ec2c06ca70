// Finding the parts of a line: every form is a regular expression tried over the whole text;
// candidates are taken leftmost-longest, never overlapping a part already taken or a literal span.

export type TokenKind = "date" | "time" | "priority" | "label" | "list" | "recurrence";

export interface Span {
  start: number;
  end: number;
}

/** A form of the grammar: its pattern and what a match means (null: not a part after all). */
export interface Form<T> {
  pattern: RegExp;
  read: (match: RegExpExecArray) => T | null;
}

export interface Found<T> extends Span {
  value: T;
}

/** Before a word: not inside another word, a number, a #list or an @label. */
const WORD_START = String.raw`(?<![\p{L}\p{N}\p{M}_#@'’])`;
/** After a word: not running on into letters or digits, nor into `'s`. */
const WORD_END = String.raw`(?![\p{L}\p{N}\p{M}_'’])`;

/** A case-insensitive pattern that only matches whole words. */
export function words(source: string): RegExp {
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, "giu");
}

export function overlaps(a: Span, spans: readonly Span[]): boolean {
  return spans.some((b) => a.start < b.end && b.start < a.end);
}

/**
 * Every acceptable match of the forms, leftmost first (the longest when two start together),
 * skipping `blocked` spans and each other; at most `limit` of them.
 */
export function scan<T>(text: string, forms: readonly Form<T>[], blocked: readonly Span[], limit: number): Found<T>[] {
  const candidates: { start: number; end: number; match: RegExpExecArray; form: Form<T> }[] = [];
  for (const form of forms) {
    const pattern = new RegExp(form.pattern.source, form.pattern.flags);
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      candidates.push({ start: m.index, end: m.index + m[0].length, match: m, form });
      // Try every start position, so a rejected match does not hide a shorter one inside it.
      pattern.lastIndex = m.index + 1;
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Found<T>[] = [];
  const taken: Span[] = [...blocked];
  for (const c of candidates) {
    if (found.length >= limit) break;
    if (overlaps(c, taken)) continue;
    const value = c.form.read(c.match);
    if (value === null) continue;
    found.push({ start: c.start, end: c.end, value });
    taken.push(c);
  }
  return found;
}

/** Text between double quotes (straight or curly) is never a part: `Read "Tomorrow" by Zevin`. */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /"[^"]*"|“[^”]*”/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
