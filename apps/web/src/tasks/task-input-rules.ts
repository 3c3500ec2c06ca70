import { type Checked, checkText, DESCRIPTION_FIELD, TITLE_FIELD } from "@todo/contract/rules";

/** The contract's own title rule, with words for the one case people hit most: nothing typed. */
export function checkTitle(raw: string): Checked<string> {
  if (raw.trim() === "") return { ok: false, message: "Type a task first." };
  const checked = checkText(TITLE_FIELD, raw);
  return checked.ok ? checked : { ok: false, message: `The title ${checked.message}.` };
}

/** An empty note means "no description" (null), not an empty string. */
export function checkDescription(raw: string): Checked<string | null> {
  if (raw.trim() === "") return { ok: true, value: null };
  const checked = checkText(DESCRIPTION_FIELD, raw);
  return checked.ok ? checked : { ok: false, message: `The note ${checked.message}.` };
}
