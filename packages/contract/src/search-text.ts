/**
 * The one normalisation search uses on both sides (stored text and the query):
 * decompose, drop combining marks, lowercase, and keep only letters and digits
 * as words. `Résumé` and `resume` become the same word, without any PostgreSQL
 * extension (unaccent is not always installed).
 */
export function normaliseSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a search query, normalised; empty when nothing searchable was typed. */
export const searchWords = (query: string): string[] => normaliseSearchText(query).split(" ").filter(Boolean);
