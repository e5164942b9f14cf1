/** Turns what a person types into a safe FTS5 query: every word must match as a word prefix.
 * Quotes and FTS operators typed by the user are treated as text, never as syntax. */
export function ftsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.slice(0, 20).map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
