import { DescriptionSchema, TitleSchema } from "@todo/contract";

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The contract's own title rule, with words for the one case people hit most: nothing typed. */
export function checkTitle(raw: string): Checked<string> {
  if (raw.trim() === "") return { ok: false, message: "Type a task first." };
  const parsed = TitleSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: `The title ${parsed.error.issues[0]?.message ?? "is not valid"}.` };
}

/** An empty note means "no description" (null), not an empty string. */
export function checkDescription(raw: string): Checked<string | null> {
  if (raw.trim() === "") return { ok: true, value: null };
  const parsed = DescriptionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: `The note ${parsed.error.issues[0]?.message ?? "is not valid"}.` };
}
