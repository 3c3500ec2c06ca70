"use client";
import type { QuickAdd, Token } from "@todo/quick-add";
import { describeRule } from "@todo/recurrence/describe";
import { dueLabel } from "../due-label";
import type { TaskListInfo } from "../model";

const KIND_NAMES: Record<Token["kind"], string> = {
  date: "Due",
  time: "At",
  priority: "Priority",
  list: "List",
  label: "Label",
  recurrence: "Repeats",
};

/** The words a chip shows for one recognised part. */
export function chipText(token: Token, parsed: QuickAdd, text: string, today: string, lists: readonly TaskListInfo[]) {
  switch (token.kind) {
    case "date":
      return parsed.due_date ? dueLabel(parsed.due_date, null, today).text : "";
    case "time":
      return parsed.due_time ?? "";
    case "priority":
      return `P${parsed.priority}`;
    case "list":
      return `#${lists.find((l) => l.id === parsed.list_id)?.name ?? ""}`;
    case "label":
      return text.slice(token.start, token.end);
    case "recurrence": {
      const words = parsed.recurrence ? describeRule(parsed.recurrence) : "";
      // With no date typed, the rule chose the first one: say which.
      const typedDate = parsed.tokens.some((t) => t.kind === "date");
      return parsed.due_date && !typedDate ? `${words}, from ${dueLabel(parsed.due_date, null, today).text}` : words;
    }
  }
}

/** What the field recognised, before Enter; × keeps a part as plain text instead. */
export function PartChips({
  id,
  parsed,
  text,
  today,
  lists,
  onKeep,
}: {
  id: string;
  parsed: QuickAdd | null;
  text: string;
  today: string;
  lists: readonly TaskListInfo[];
  onKeep: (token: Token) => void;
}) {
  const tokens = [...(parsed?.tokens ?? [])].sort((a, b) => a.start - b.start);
  return (
    <ul id={id} className="part-chips" aria-label="Recognised parts">
      {parsed
        ? tokens.map((token) => (
            <li key={`${token.start}-${token.kind}`} className={`part-chip part-${token.kind}`}>
              <span className="part-chip-kind">{KIND_NAMES[token.kind]}</span>
              <span dir="auto">{chipText(token, parsed, text, today, lists)}</span>
              <button
                type="button"
                className="part-chip-remove"
                aria-label={`Keep “${text.slice(token.start, token.end)}” as text`}
                title="Keep as text"
                onClick={() => onKeep(token)}
              >
                ×
              </button>
            </li>
          ))
        : null}
    </ul>
  );
}
