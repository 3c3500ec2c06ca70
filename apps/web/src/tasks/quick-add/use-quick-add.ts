"use client";
import type { parseQuickAdd, QuickAdd } from "@todo/quick-add";
import { useCallback, useMemo, useState } from "react";
import type { TaskListInfo } from "../model";
import { type Span, shiftSpans } from "./spans";

type Parse = typeof parseQuickAdd;
let loading: Promise<Parse> | null = null;
/** One download per page, started by the first keystroke (ADR 0130). */
const loadParser = () => {
  loading ??= import("./parser").then((m) => m.parseQuickAdd);
  return loading;
};

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
  const [parse, setParse] = useState<Parse | null>(null);

  const wake = useCallback(() => {
    if (!parse) void loadParser().then((p) => setParse(() => p));
  }, [parse]);

  const read = useCallback(
    (p: Parse, d: Draft): QuickAdd => p(d.text, { now: new Date(), timeZone, lists, literal: d.literal }),
    [timeZone, lists],
  );
  const parsed = useMemo(() => (parse && draft.text.trim() ? read(parse, draft) : null), [parse, draft, read]);

  const setText = useCallback(
    (text: string) => {
      setDraft((d) => ({ text, literal: shiftSpans(d.literal, d.text, text) }));
      wake();
    },
    [wake],
  );
  const keepLiteral = useCallback((span: Span) => {
    setDraft((d) => ({ ...d, literal: [...d.literal, { start: span.start, end: span.end }] }));
  }, []);

  /** The parse Enter saves: waits for the parser if the person typed faster than it loaded. */
  const readNow = useCallback(async () => read(await loadParser(), draft), [read, draft]);

  return { draft, setDraft, setText, parsed, keepLiteral, wake, readNow };
}
