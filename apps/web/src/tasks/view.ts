import { SORTS, type Sort } from "./model";
import { todayInZone } from "./zone-clock";

/** What the sidebar can show; each is its own URL under /tasks. */
export type View =
  | { kind: "inbox" }
  | { kind: "today" }
  | { kind: "upcoming" }
  | { kind: "list"; id: string }
  | { kind: "label"; name: string }
  | { kind: "trash" };

export type Filter = "all" | "active" | "completed";

/** The part of a view that lives in the query string. */
export interface ViewOptions {
  q: string;
  sort: Sort;
  filter: Filter;
}

/** `/tasks/[[...view]]` segments to a view; null for an address that names none (404). */
export function parseView(segments: readonly string[] | undefined): View | null {
  const [head, arg, ...rest] = segments ?? [];
  if (rest.length > 0) return null;
  if (head === undefined) return { kind: "inbox" };
  if ((head === "today" || head === "upcoming" || head === "trash") && arg === undefined) return { kind: head };
  if (head === "list" && arg) return { kind: "list", id: arg };
  if (head === "label" && arg) return { kind: "label", name: arg };
  return null;
}

export function viewPath(view: View): string {
  switch (view.kind) {
    case "inbox":
      return "/tasks";
    case "list":
      return `/tasks/list/${encodeURIComponent(view.id)}`;
    case "label":
      return `/tasks/label/${encodeURIComponent(view.name)}`;
    default:
      return `/tasks/${view.kind}`;
  }
}

export const viewKey = (view: View): string => viewPath(view);

/** Dated views read best soonest first and without what is already done. */
const datedView = (view: View) => view.kind === "today" || view.kind === "upcoming";

export function parseOptions(view: View, params: URLSearchParams): ViewOptions {
  const sort = params.get("sort") as Sort | null;
  const filter = params.get("filter");
  return {
    q: params.get("q") ?? "",
    sort: sort && SORTS.includes(sort) ? sort : datedView(view) ? "due" : "created",
    filter:
      filter === "all" || filter === "active" || filter === "completed" ? filter : datedView(view) ? "active" : "all",
  };
}

/** The view's URL with some options changed; defaults are left out so addresses stay short. */
export function optionsHref(view: View, options: ViewOptions): string {
  const defaults = parseOptions(view, new URLSearchParams());
  const params = new URLSearchParams();
  if (options.filter !== defaults.filter) params.set("filter", options.filter);
  if (options.sort !== defaults.sort) params.set("sort", options.sort);
  if (options.q.trim()) params.set("q", options.q);
  const query = params.toString();
  return `${viewPath(view)}${query ? `?${query}` : ""}`;
}

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/**
 * Rows of the first page: two phone screens and more than a desktop one. Every one of them is in
 * the HTML and hydrated before the page answers a tap (ADR 0137), so fewer is faster: 20 instead
 * of 50 cut the blocking time of a load by a quarter (ADR 0152).
 */
export const PAGE_SIZE = 20;
/** Rows of each page after the first, asked for as the list's end scrolls near: nothing waits on them. */
export const NEXT_PAGE_SIZE = 100;

/** The API's next-page address (its cursor kept) asking for `NEXT_PAGE_SIZE` rows. */
export function nextPage(next: string | null): string | null {
  if (!next) return null;
  const url = new URL(next);
  url.searchParams.set("limit", String(NEXT_PAGE_SIZE));
  return url.href;
}

/** The API query (contract 6.4) behind a view: a view is a query, paged by the server. */
export function apiQuery(view: View, options: ViewOptions, timeZone: string): URLSearchParams {
  const params = new URLSearchParams();
  params.set("limit", String(PAGE_SIZE));
  const status = { all: "all", active: "pending", completed: "completed" }[options.filter];
  params.set("status", status);
  params.set("sort", options.sort);
  if (options.q.trim()) params.set("q", options.q.trim());
  params.set("tz", timeZone);
  if (view.kind === "inbox") params.set("list_id", "inbox");
  if (view.kind === "list") params.set("list_id", view.id);
  if (view.kind === "label") params.set("label", view.name);
  // Today holds what is late too, as in Todoist and Things.
  if (view.kind === "today") params.set("due_to", todayInZone(timeZone));
  if (view.kind === "upcoming") params.set("due", "upcoming");
  return params;
}

/** Fields a task added in this view starts with, so it shows up where it was typed. */
export function defaultsFor(view: View, timeZone: string) {
  if (view.kind === "list") return { list_id: view.id };
  if (view.kind === "label") return { labels: [view.name] };
  if (view.kind === "today") return { due_date: todayInZone(timeZone) };
  return {};
}
