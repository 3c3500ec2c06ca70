// The lazily loaded chunk (ADR 0130): the quick-add grammar with chrono-node and rrule, and
// everything that only matters once a line has been read (chips, keep-as-text ranges, the task
// a line creates). Fetched on the first keystroke in the add field, never with the page.
export { parseQuickAdd } from "@todo/quick-add";
export { PartChips } from "./part-chips";
export { shiftSpans } from "./spans";
export { toTaskCreate } from "./to-task";
