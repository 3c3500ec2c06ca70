// Length is counted in Unicode code points, the way PostgreSQL's char_length()
// counts, so an emoji is one character on both sides of the wire.
export const codePointLength = (value: string): number => [...value].length;

// C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F).
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f);
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/** A title is one line of text: no control character at all. */
export const hasControlChars = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) if (isControl(value.charCodeAt(i))) return true;
  return false;
};

/** A description may span lines: tab, line feed and carriage return are fine. */
export const hasNonWhitespaceControlChars = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControl(code) && code !== TAB && code !== LF && code !== CR) return true;
  }
  return false;
};

/**
 * A lone UTF-16 surrogate (JSON allows "\ud800") is not text: it cannot be stored
 * as UTF-8 and would come back as U+FFFD, so it is refused rather than altered.
 */
export const isWellFormedText = (value: string): boolean => {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false;
    }
  }
  return true;
};
