import { codePointLength, hasControlChars, hasNonWhitespaceControlChars, isWellFormedText } from "./text-rules.ts";

/**
 * The text fields' rules as plain functions, with no zod: the zod schemas are built from
 * them (so the API's 422 says these words) and the browser checks a form with them without
 * loading zod (ADR 0135). Each rule is written here once.
 */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const LIST_NAME_MAX = 100;
export const LABEL_NAME_MAX = 50;
export const LABELS_MAX = 20;
/** Manual order and bulk changes (contract section 6.5). */
export const BULK_MAX = 500;

/** One rule of a text field and the words said when a value breaks it. */
export interface TextRule {
  test: (value: string) => boolean;
  message: string;
}

/** A text field: whether it is trimmed first, then its rules in the order they are reported. */
export interface TextField {
  trim: boolean;
  rules: readonly TextRule[];
}

const notEmpty: TextRule = { test: (v) => v.length > 0, message: "must not be empty" };
const atMost = (max: number): TextRule => ({
  test: (v) => codePointLength(v) <= max,
  message: `must be at most ${max} characters`,
});
const oneLine: TextRule = { test: (v) => !hasControlChars(v), message: "must not contain control characters" };
const wellFormed: TextRule = { test: isWellFormedText, message: "must be valid Unicode text" };

export const TITLE_FIELD: TextField = { trim: true, rules: [notEmpty, atMost(TITLE_MAX), oneLine, wellFormed] };

export const DESCRIPTION_FIELD: TextField = {
  trim: false,
  rules: [
    atMost(DESCRIPTION_MAX),
    {
      test: (v) => !hasNonWhitespaceControlChars(v),
      message: "must not contain control characters other than newlines and tabs",
    },
    wellFormed,
  ],
};

export const LIST_NAME_FIELD: TextField = {
  trim: true,
  rules: [notEmpty, atMost(LIST_NAME_MAX), oneLine, wellFormed],
};

export const LABEL_NAME_FIELD: TextField = {
  trim: true,
  rules: [
    notEmpty,
    atMost(LABEL_NAME_MAX),
    { test: (v) => !/[\s#@]/u.test(v) && !hasControlChars(v), message: "must not contain whitespace, '#' or '@'" },
  ],
};

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The value as the API would store it, or the first rule it breaks. */
export function checkText(field: TextField, raw: string): Checked<string> {
  const value = field.trim ? raw.trim() : raw;
  const broken = field.rules.find((rule) => !rule.test(value));
  return broken ? { ok: false, message: broken.message } : { ok: true, value };
}

/** Names that differ only in case are one label: the first spelling in the array wins. */
export const dedupeLabels = (names: string[]): string[] => {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
