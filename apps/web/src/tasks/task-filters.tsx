"use client";
import type { MouseEvent } from "react";
import type { Filter } from "./task-list-state";

const FILTERS: { value: Filter; label: string; href: string }[] = [
  { value: "all", label: "All", href: "/tasks" },
  { value: "active", label: "Active", href: "/tasks?filter=active" },
  { value: "completed", label: "Completed", href: "/tasks?filter=completed" },
];

/**
 * Real links, so a filter can be bookmarked, shared and opened in a new tab; a
 * plain click only updates the address (Next.js keeps useSearchParams in sync
 * with history.pushState) instead of asking the server for the page again.
 */
export function TaskFilters({ current }: { current: Filter }) {
  const go = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    window.history.pushState(null, "", href);
  };
  return (
    <nav aria-label="Filter tasks" className="filters">
      {FILTERS.map((f) => (
        <a
          key={f.value}
          href={f.href}
          aria-current={current === f.value ? "page" : undefined}
          onClick={(e) => go(e, f.href)}
        >
          {f.label}
        </a>
      ))}
    </nav>
  );
}
