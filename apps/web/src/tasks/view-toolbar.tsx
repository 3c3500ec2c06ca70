"use client";
import { useEffect, useRef, useState } from "react";
import type { Sort } from "./model";
import { goTo, TaskFilters } from "./task-filters";
import { optionsHref, type View, type ViewOptions } from "./view";

const SORT_NAMES: Record<Sort, string> = {
  created: "Newest",
  updated: "Recently changed",
  due: "Due date",
  priority: "Priority",
  title: "Title (A–Z)",
  manual: "My order",
};

/** How long typing may pause before the search runs. */
const SEARCH_PAUSE_MS = 150;

/** Search as you type, the sort menu and the status filter: all kept in the address. */
export function ViewToolbar({ view, options }: { view: View; options: ViewOptions }) {
  const [text, setText] = useState(options.q);
  const latest = useRef(options);
  latest.current = options;

  // Follow the address when it changes from outside (back button, a link).
  useEffect(() => setText(options.q), [options.q]);

  useEffect(() => {
    if (text === latest.current.q) return;
    const timer = setTimeout(() => goTo(optionsHref(view, { ...latest.current, q: text }), true), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, view]);

  return (
    <div className="view-toolbar">
      <div className="search-field">
        <label htmlFor="task-search" className="visually-hidden">
          Search tasks
        </label>
        <input
          id="task-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && text) {
              e.stopPropagation();
              setText("");
            }
          }}
          placeholder="Search   /"
          autoComplete="off"
          dir="auto"
          enterKeyHint="search"
        />
      </div>
      <div className="sort-field">
        <label htmlFor="task-sort">Sort</label>
        <select
          id="task-sort"
          value={options.sort}
          onChange={(e) => goTo(optionsHref(view, { ...options, sort: e.target.value as Sort }))}
        >
          {(Object.keys(SORT_NAMES) as Sort[]).map((sort) => (
            <option key={sort} value={sort}>
              {SORT_NAMES[sort]}
            </option>
          ))}
        </select>
      </div>
      <TaskFilters view={view} options={options} />
    </div>
  );
}
