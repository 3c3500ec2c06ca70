"use client";
import type { TaskCreate } from "@todo/contract";
import type { QuickAdd } from "@todo/quick-add";
import { useCallback, useMemo, useState } from "react";
import type { TaskListInfo } from "../model";
import type { Span } from "./spans";

type Parser = typeof import("./parser");
let loading: Promise<Parser> | null = null;
/**
 * One download per page, never in the first load (ADR 0130): started by the first keystroke or
 * press in the add field. Offline, the service worker has it (it keeps every file of the build,
 * ADR 0147); a failed download is forgotten and tried again at the next keystroke.
 */
export const loadParser = () => {
  loading ??= import("./parser").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
};

type Defaults = Parameters<Parser["toTaskCreate"]>[3];
/** The task a line creates, given its checked title and note and the view's own list, label or day. */
type ToTask = (title: string, description: string | null, defaults: Defaults) => TaskCreate;
/** A line saved as typed: the view fills in the rest. */
const asTyped: ToTask = (title, description, defaults) => ({
  title,
  ...(description ? { description } : {}),
  ...defaults,
});

export interface Draft {
  text: string;
  literal: Span[];
}

/**
 * The add field's text, the ranges the person asked to keep as text, and what the shared
 * parser (the API's own) reads in them, with the user's lists and time zone.
 */
export function useQuickAdd(timeZone: string, lists: readonly TaskListInfo[]) {
  const [draft, setDraft] = useState<Draft>({ text: "", literal: [] });
  const [parser, setParser] = useState<Parser | null>(null);

  const wake = useCallback(() => {
    if (!parser) void loadParser().then(setParser);
  }, [parser]);

  const read = useCallback(
    (p: Parser, d: Draft): QuickAdd =>
      p.parseQuickAdd(d.text, { now: new Date(), timeZone, lists, literal: d.literal }),
    [timeZone, lists],
  );
  const parsed = useMemo(() => (parser && draft.text.trim() ? read(parser, draft) : null), [parser, draft, read]);

  const setText = useCallback(
    (text: string) => {
      // Kept ranges exist only once the parser is loaded (they come from its tokens).
      setDraft((d) => ({
        text,
        literal: parser && d.literal.length ? parser.shiftSpans(d.literal, d.text, text) : [],
      }));
      wake();
    },
    [parser, wake],
  );
  const keepLiteral = useCallback((span: Span) => {
    setDraft((d) => ({ ...d, literal: [...d.literal, { start: span.start, end: span.end }] }));
  }, []);

  /**
   * The parse Enter saves: waits for the parser if the person typed faster than it loaded. When it
   * cannot be fetched at all (offline, and never kept), the line is saved as typed, which is also
   * all the field showed (no highlights), rather than Enter doing nothing (contract 9).
   */
  const readNow = useCallback(async (): Promise<{ line: Pick<QuickAdd, "title" | "tokens">; toTask: ToTask }> => {
    const p = await loadParser().catch(() => null);
    if (!p) return { line: { title: draft.text.trim(), tokens: [] }, toTask: asTyped };
    const line = read(p, draft);
    return { line, toTask: (title, description, defaults) => p.toTaskCreate(line, title, description, defaults) };
  }, [read, draft]);

  return { draft, setDraft, setText, parsed, keepLiteral, wake, readNow, Chips: parser?.PartChips ?? null };
}
