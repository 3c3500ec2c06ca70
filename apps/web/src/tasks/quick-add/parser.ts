// The lazily loaded chunk: the quick-add grammar with chrono-node and rrule (~31 kB gzipped),
// fetched on the first keystroke in the add field, never with the page (ADR 0130).
export { parseQuickAdd } from "@todo/quick-add";
