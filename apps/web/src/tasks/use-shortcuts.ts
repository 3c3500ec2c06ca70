"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { isTyping } from "./keys";

export interface ShortcutHandlers {
  newTask: () => void;
  search: () => void;
  /** -1 previous, +1 next row. */
  step: (delta: -1 | 1) => void;
  select: () => void;
  edit: () => void;
  remove: () => void;
  help: () => void;
}

const GO: Record<string, string> = { i: "/tasks", t: "/tasks/today", u: "/tasks/upcoming" };
/** How long `g` waits for its second key. */
const CHORD_MS = 1_500;

/** Single-key shortcuts (shown on `?`), never while the person types into a field. */
export function useShortcuts(handlers: ShortcutHandlers) {
  const router = useRouter();
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    let chordUntil = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      const h = latest.current;
      const key = event.key;
      if (Date.now() < chordUntil && GO[key]) {
        chordUntil = 0;
        event.preventDefault();
        router.push(GO[key]);
        return;
      }
      chordUntil = 0;
      const actions: Record<string, () => void> = {
        n: h.newTask,
        q: h.newTask,
        "/": h.search,
        j: () => h.step(1),
        k: () => h.step(-1),
        x: h.select,
        e: h.edit,
        "#": h.remove,
        "?": h.help,
        g: () => {
          chordUntil = Date.now() + CHORD_MS;
        },
      };
      const action = actions[key];
      if (!action) return;
      // Space/Enter on a focused button keep their meaning; letters never had one there.
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
}
