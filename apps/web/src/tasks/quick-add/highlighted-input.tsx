"use client";
import type { Token } from "@todo/quick-add";
import { type InputHTMLAttributes, type Ref, useLayoutEffect, useRef } from "react";

/** The text cut into plain runs and recognised parts, for the backdrop. */
function runs(text: string, tokens: readonly Token[]) {
  const out: { text: string; kind: Token["kind"] | null }[] = [];
  let at = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    if (token.start > at) out.push({ text: text.slice(at, token.start), kind: null });
    out.push({ text: text.slice(token.start, token.end), kind: token.kind });
    at = token.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), kind: null });
  return out;
}

/**
 * A plain text input over a backdrop that paints the recognised parts (ADR 0131): the input
 * stays a real, labelled text field with its own caret, selection and text colour, the
 * backdrop (hidden from screen readers, which get the chips) only draws coloured marks
 * behind the same glyphs and follows the input's horizontal scroll.
 */
export function HighlightedInput({
  ref,
  value,
  tokens,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { ref: Ref<HTMLInputElement>; value: string; tokens: readonly Token[] }) {
  const backdrop = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const follow = () => {
    if (backdrop.current && input.current) backdrop.current.scrollLeft = input.current.scrollLeft;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-align whenever the painted text changes.
  useLayoutEffect(follow, [value, tokens]);
  const setRefs = (node: HTMLInputElement | null) => {
    input.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };
  return (
    <div className="quick-field">
      <div ref={backdrop} className="quick-backdrop" aria-hidden="true">
        <span className="quick-backdrop-text">
          {runs(value, tokens).map((run, n) =>
            run.kind ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional by nature.
              <mark key={n} className={`quick-mark part-${run.kind}`}>
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
          {"\u200b"}
        </span>
      </div>
      <input ref={setRefs} value={value} onScroll={follow} onSelect={follow} {...props} />
    </div>
  );
}
