"use client";
import type { MouseEvent } from "react";
import { type Filter, optionsHref, type View, type ViewOptions } from "./view";

const FILTERS: { value: Filter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "completed", label: "Completed" },
];

/** Changes the address without asking the server again (Next.js keeps useSearchParams in sync). */
export function goTo(href: string, replace = false): void {
  if (replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
}

/**
 * Real links, so a filter can be bookmarked, shared and opened in a new tab; a
 * plain click only updates the address instead of loading the page again.
 */
export function TaskFilters({ view, options }: { view: View; options: ViewOptions }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    goTo(href);
  };
  return (
    <nav aria-label="Filter tasks" className="filters">
      {FILTERS.map((f) => {
        const href = optionsHref(view, { ...options, filter: f.value });
        return (
          <a
            key={f.value}
            href={href}
            aria-current={options.filter === f.value ? "page" : undefined}
            onClick={(e) => go(e, href)}
          >
            {f.label}
          </a>
        );
      })}
    </nav>
  );
}
