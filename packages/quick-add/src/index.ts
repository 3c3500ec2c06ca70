export { parseQuickAdd, type QuickAdd, type QuickAddOptions, type Token } from "./parse.ts";
export type { TokenKind } from "./scan.ts";
export type { ListRef } from "./tags.ts";
