// Length is counted in Unicode code points, the way PostgreSQL's char_length()
// counts, so an emoji is one character on both sides of the wire.
export const codePointLength = (value: string): number => [...value].length;

// C0 controls, DEL and C1 controls. A title is one line of text, so none are allowed.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/u;
// A description may span lines: tab, line feed and carriage return are fine.
const CONTROL_CHARS_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

export const hasControlChars = (value: string): boolean => CONTROL_CHARS.test(value);
export const hasNonWhitespaceControlChars = (value: string): boolean =>
  CONTROL_CHARS_EXCEPT_WHITESPACE.test(value);
