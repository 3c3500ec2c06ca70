"use client";
import { checkText, LABEL_NAME_FIELD } from "@todo/contract/rules";
import { useId, useState } from "react";
import type { BulkAction } from "./api-client";
import type { Outcome } from "./task-provider";
import { useLists } from "./use-lists";

interface Props {
  count: number;
  /** Resolves with the server's message when it refused. */
  onAction: (action: BulkAction) => Promise<Outcome>;
  onSelectAll: () => void;
  onClear: () => void;
}

/** What can be done to every selected task at once; each choice applies straight away. */
export function BulkBar({ count, onAction, onSelectAll, onClear }: Props) {
  const lists = useLists();
  const id = useId();
  const [date, setDate] = useState("");
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string | null>(null);
  const act = async (action: BulkAction) => {
    const outcome = await onAction(action);
    setError(outcome.ok ? null : outcome.message);
  };

  const addLabel = () => {
    const checked = checkText(LABEL_NAME_FIELD, label.replace(/^@/, ""));
    if (!checked.ok) return setError(`A label ${checked.message}.`);
    setError(null);
    setLabel("");
    void act({ action: "update", set: { labels_add: [checked.value] } });
  };

  return (
    <section className="bulk-bar" aria-label="Selected tasks">
      <p className="bulk-count" aria-live="polite">
        {count} selected
      </p>
      <div className="bulk-actions">
        <button type="button" className="button button-secondary" onClick={() => act({ action: "complete" })}>
          Complete
        </button>
        <button type="button" className="button button-secondary" onClick={() => act({ action: "reopen" })}>
          Reopen
        </button>
        <select
          aria-label="Move to list"
          value=""
          onChange={(e) =>
            e.target.value && act({ action: "move", list_id: e.target.value === "inbox" ? null : e.target.value })
          }
        >
          <option value="">Move to…</option>
          <option value="inbox">Inbox</option>
          {(lists.data ?? []).map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Set priority"
          value=""
          onChange={(e) => e.target.value && act({ action: "update", set: { priority: Number(e.target.value) } })}
        >
          <option value="">Priority…</option>
          <option value="1">P1 · Urgent</option>
          <option value="2">P2 · High</option>
          <option value="3">P3 · Medium</option>
          <option value="4">P4 · None</option>
        </select>
        <span className="bulk-inline">
          <label htmlFor={`${id}-date`} className="visually-hidden">
            Due date for selected
          </label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              act({ action: "update", set: { due_date: date || null, ...(date ? {} : { due_time: null }) } })
            }
          >
            {date ? "Set date" : "Clear date"}
          </button>
        </span>
        <span className="bulk-inline">
          <label htmlFor={`${id}-label`} className="visually-hidden">
            Label for selected
          </label>
          <input
            id={`${id}-label`}
            value={label}
            placeholder="@label"
            onChange={(e) => setLabel(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              addLabel();
            }}
          />
          <button type="button" className="button button-secondary" onClick={addLabel} disabled={!label.trim()}>
            Add label
          </button>
        </span>
        <button type="button" className="button button-danger" onClick={() => act({ action: "delete" })}>
          Delete
        </button>
        <button type="button" className="button button-quiet" onClick={onSelectAll}>
          Select all
        </button>
        <button type="button" className="button button-quiet" onClick={onClear}>
          Done
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
