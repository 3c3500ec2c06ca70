"use client";
import { describeRule, ordinal } from "@todo/recurrence/describe";
import { parseRule, WEEKDAYS } from "@todo/recurrence/rule";
import { useId, useState } from "react";

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The rule a person picks: its canonical text (null for none), or why the typed one is refused. */
export type RuleChoice = { rule: string | null; error: string | null };

/** The common rules for a task due on `day` (`YYYY-MM-DD`): weekly on its weekday, monthly on its date. */
export function commonRules(day: string) {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  const monthDay = date.getUTCDate();
  return [
    { key: "daily", name: "Every day", rule: "FREQ=DAILY" },
    { key: "weekdays", name: "Every weekday (Mon–Fri)", rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
    { key: "weekly", name: `Every week on ${DAY_NAMES[weekday]}`, rule: `FREQ=WEEKLY;BYDAY=${WEEKDAYS[weekday]}` },
    { key: "monthly", name: `Every month on the ${ordinal(monthDay)}`, rule: `FREQ=MONTHLY;BYMONTHDAY=${monthDay}` },
    { key: "yearly", name: "Every year", rule: "FREQ=YEARLY" },
  ];
}

const canonical = (rule: string) => {
  const parsed = parseRule(rule);
  return parsed.ok ? parsed.text : rule;
};

/**
 * Repeat: none, the common rules for the task's date, or a custom RRULE checked with the
 * same rules the API applies (the API's 422 still has the last word, shown on the row).
 */
export function RecurrencePicker({
  initial,
  day,
  onChange,
}: {
  initial: string | null;
  /** The due date the common rules are worded for (today when the task has none yet). */
  day: string;
  onChange: (choice: RuleChoice) => void;
}) {
  const id = useId();
  const presets = commonRules(day);
  const start = initial ? (presets.find((p) => canonical(p.rule) === canonical(initial))?.key ?? "custom") : "none";
  const [key, setKey] = useState(start);
  const [custom, setCustom] = useState(initial ?? "");

  const choose = (nextKey: string, nextCustom = custom) => {
    setKey(nextKey);
    setCustom(nextCustom);
    if (nextKey === "none") return onChange({ rule: null, error: null });
    if (nextKey !== "custom")
      return onChange({ rule: canonical(presets.find((p) => p.key === nextKey)?.rule ?? ""), error: null });
    const parsed = parseRule(nextCustom);
    onChange(parsed.ok ? { rule: parsed.text, error: null } : { rule: null, error: parsed.error });
  };

  const current = key === "none" ? null : key === "custom" ? parseRule(custom) : null;
  const preset = presets.find((p) => p.key === key);
  const words = preset ? describeRule(preset.rule) : current?.ok ? describeRule(current.text) : null;
  const problem = current && !current.ok ? current.error : null;

  return (
    <div className="field recurrence-field">
      <label htmlFor={`${id}-repeat`}>Repeat</label>
      <select id={`${id}-repeat`} value={key} onChange={(e) => choose(e.target.value)}>
        <option value="none">Does not repeat</option>
        {presets.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name}
          </option>
        ))}
        <option value="custom">Custom rule…</option>
      </select>
      {key === "custom" ? (
        <>
          <label htmlFor={`${id}-rule`}>Custom rule (RRULE)</label>
          <input
            id={`${id}-rule`}
            value={custom}
            spellCheck={false}
            autoComplete="off"
            placeholder="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
            onChange={(e) => choose("custom", e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-words`}
          />
        </>
      ) : null}
      <p id={`${id}-words`} className={problem ? "field-error" : "field-hint recurrence-words"} aria-live="polite">
        {problem ? `Not a rule this app repeats by: ${problem}` : words}
      </p>
    </div>
  );
}
