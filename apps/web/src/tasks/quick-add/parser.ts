// The lazily loaded chunk (ADR 0130): the quick-add grammar with chrono-node and rrule, and
// everything that only matters once a line has been read (chips, keep-as-text ranges). Fetched
// after the page has loaded, never with it. The task a line creates (to-task) is not here: an
// add must work even when this chunk cannot be fetched.
export { parseQuickAdd } from "@todo/quick-add";
export { PartChips } from "./part-chips";
export { shiftSpans } from "./spans";
