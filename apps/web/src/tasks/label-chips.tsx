"use client";
import { checkText, dedupeLabels, LABEL_NAME_FIELD, LABELS_MAX } from "@todo/contract/rules";
import { type KeyboardEvent, useId, useState } from "react";
import { Close } from "@/components/icons";

/** Labels as chips: type a name and press Enter (or comma) to add; × removes one. */
export function LabelChips({ labels, onChange }: { labels: string[]; onChange: (labels: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const name = text.trim().replace(/^@/, "");
    if (!name) return;
    const checked = checkText(LABEL_NAME_FIELD, name);
    if (!checked.ok) return setError(`A label ${checked.message}.`);
    if (labels.length >= LABELS_MAX) return setError(`A task has at most ${LABELS_MAX} labels.`);
    onChange(dedupeLabels([...labels, checked.value]));
    setText("");
    setError(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      event.stopPropagation();
      add();
    } else if (event.key === "Backspace" && text === "" && labels.length > 0) {
      onChange(labels.slice(0, -1));
    }
  };

  return (
    <div className="field label-field">
      <label htmlFor={id}>Labels</label>
      <div className="chips">
        {labels.map((label) => (
          <span key={label} className="chip" dir="auto">
            @{label}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove label ${label}`}
              onClick={() => onChange(labels.filter((l) => l !== label))}
            >
              <Close />
            </button>
          </span>
        ))}
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          placeholder="Add a label"
          autoComplete="off"
          enterKeyHint="enter"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
