/** The index terms of a text: its word terms (normalize.ts) followed by the concepts they name (concepts.ts). */
import crypto from 'node:crypto';
import { CONCEPT_INPUTS, conceptTerms } from './concepts';
import { WORD_ANALYSIS_INPUTS, wordTerms } from './normalize';

/** The distinct index terms of a text: word terms in order of first appearance (at most `maxTerms`), then concepts. */
export function analyze(text: string | null | undefined, maxTerms = 80): string[] {
  const words = wordTerms(text, maxTerms);
  return words.length === 0 ? words : [...words, ...conceptTerms(words)];
}

/** Fingerprint of the analysis (code revision, phrase table, stop and weak words, glued e- prefixes, concept catalogue):
 * a similarity index built by another analysis is re-analysed on first use (similarIndex.ts). Bump the revision when
 * the code of the analysis changes. */
const ANALYSIS_REVISION = 4; // 4: concepts; 3: words in any script, Latin-only diacritic folding; 2: thesaurus.json
export const ANALYSIS_VERSION = `${ANALYSIS_REVISION}:${crypto.createHash('sha256')
  .update(WORD_ANALYSIS_INPUTS).update(CONCEPT_INPUTS).digest('hex').slice(0, 16)}`;
