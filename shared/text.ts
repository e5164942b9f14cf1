/** Text hygiene for everything a person types or pastes: keep every script (Balinese, emoji, RTL),
 * drop the control characters XML and most tools reject, normalise to NFC. */

// C0 controls except TAB (09) LF (0A) CR (0D); DEL and C1 controls; lone surrogates; U+FFFE/U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(input: string): string {
  return input.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '').normalize('NFC');
}

/** Single-line variant for names and titles: line breaks and tabs become spaces, ends trimmed. */
export function cleanLine(input: string): string {
  return cleanText(input).replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Length in user-perceived characters (grapheme clusters), so an emoji or a Balinese syllable counts once. */
export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) n++;
  return n;
}
