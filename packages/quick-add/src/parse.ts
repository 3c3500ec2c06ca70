// parseQuickAdd: one line of text to the fields of a task (contract 7.1). Pure and browser-safe:
// the API and the web run this same function, so highlighting and creation always agree.
import { addDays, firstOccurrence, wallClockIn } from "@todo/recurrence";
import { dateForms } from "./dates.ts";
import { repeatForms } from "./repeat.ts";
import { type Found, quotedSpans, type Span, scan, type TokenKind } from "./scan.ts";
import { findList, type ListRef, labelForms, mergeLabels, priorityForms } from "./tags.ts";
import { timeForms } from "./times.ts";

export interface Token extends Span {
  kind: TokenKind;
}

export interface QuickAdd {
  title: string;
  due_date: string | null;
  due_time: string | null;
  priority: number;
  labels: string[];
  list_id: string | null;
  recurrence: string | null;
  tokens: Token[];
}

export interface QuickAddOptions {
  /** The instant of parsing; "today" is its calendar day in `timeZone`. */
  now: Date;
  /** IANA zone of the user (an unknown zone throws RangeError). */
  timeZone: string;
  /** The user's lists, for `#Name`. */
  lists?: readonly ListRef[];
  /** Spans (UTF-16 offsets) the person asked to keep as text: never read as parts. */
  literal?: readonly Span[];
}

export function parseQuickAdd(text: string, options: QuickAddOptions): QuickAdd {
  const today = wallClockIn(options.timeZone, options.now);
  const taken: Span[] = [...quotedSpans(text), ...(options.literal ?? [])];
  const tokens: Token[] = [];
  // One pass per kind, in an order where the more specific phrase claims its words first:
  // `every monday` is a rule before `monday` can be a date.
  function take<T>(kind: TokenKind, found: Found<T>[]): Found<T>[] {
    for (const f of found) {
      taken.push(f);
      tokens.push({ start: f.start, end: f.end, kind });
    }
    return found;
  }
  // A `#Name` of the user's own list is the most explicit part: it claims its words first
  // (`#Sat Morning` is a list, not a Saturday).
  const list = findList(text, options.lists ?? [], taken);
  if (list) take("list", [list]);
  const [rule] = take("recurrence", scan(text, repeatForms, taken, 1));
  const [date] = take("date", scan(text, dateForms(today), taken, 1));
  const [time] = take("time", scan(text, timeForms, taken, 1));
  const [priority] = take("priority", scan(text, priorityForms, taken, 1));
  const labelsFound = scan(text, labelForms, taken, Number.POSITIVE_INFINITY);
  const { kept, labels } = mergeLabels(labelsFound);
  take(
    "label",
    labelsFound.filter((_, i) => kept[i]),
  );

  const dueTime = time?.value ?? null;
  // A time is "still ahead" only when strictly later than now, to the minute.
  const todayCounts = dueTime === null || dueTime > today.time;
  let dueDate = date?.value ?? null;
  if (dueDate === null && rule) dueDate = firstOccurrence(rule.value, today.date, todayCounts);
  else if (dueDate === null && dueTime !== null) dueDate = todayCounts ? today.date : addDays(today.date, 1);

  tokens.sort((a, b) => a.start - b.start);
  return {
    title: titleWithout(text, tokens),
    due_date: dueDate,
    due_time: dueTime,
    priority: priority?.value ?? 4,
    labels,
    list_id: list?.value ?? null,
    recurrence: rule?.value ?? null,
    tokens,
  };
}

function titleWithout(text: string, tokens: readonly Span[]): string {
  let title = "";
  let at = 0;
  for (const t of tokens) {
    title += `${text.slice(at, t.start)} `;
    at = t.end;
  }
  title += text.slice(at);
  return title.replace(/\s+/gu, " ").trim();
}
