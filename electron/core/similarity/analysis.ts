/** The index terms of a program: its word terms (normalize.ts) and the services they name (concepts.ts). */
import crypto from 'node:crypto';
import { CONCEPT_INPUTS, conceptTerms } from './concepts';
import { WEAK_WORDS, WORD_ANALYSIS_INPUTS, wordTerms } from './normalize';

/** A title of at most this many words (weak words aside) that names no service is a brand name. */
const BRAND_WORDS = 2;
/** A longer title that names no service takes those its description names, if they are at most this many (a
 * description that names more lists what the program touches, not what it is). */
const DESCRIBED_SERVICES = 3;

/** A program's terms: its title's word terms, then the services that its title and description name together (a brand
 * title such as "Lapak Dulur" says what it is in its description), as title terms; and its description's word terms
 * that the title does not have (at most `maxBody`). */
export function analyzeProgram(title: string | null | undefined, description: string | null | undefined, maxBody = 60): { title: string[]; body: string[] } {
  const words = wordTerms(title);
  if (words.length === 0) return { title: [], body: [] };
  const bodyWords = wordTerms(description, maxBody);
  // a name that says nothing by itself (a brand: "Lapak Dulur", "e-Damkar") is explained by its description, and so is
  // a longer title that names no service ("Bupati Sigap Melayani Rakyat": "Kanal WhatsApp tempat warga menyampaikan
  // pengaduan …"), unless its description names many; a title that names a service keeps its own (descriptions
  // mention other services in passing: "… terintegrasi dengan …")
  const own = conceptTerms(words);
  let services = own;
  if (own.length === 0 && bodyWords.length > 0) {
    const described = conceptTerms([...words, ...bodyWords]);
    const brand = words.filter((w) => !WEAK_WORDS.has(w)).length <= BRAND_WORDS;
    if (brand || described.length <= DESCRIBED_SERVICES) services = described;
  }
  const inTitle = new Set(words);
  return { title: [...words, ...services], body: bodyWords.filter((t) => !inTitle.has(t)) };
}

/** Fingerprint of the analysis (code revision, phrase table, stop and weak words, glued e- prefixes, concept catalogue):
 * a similarity index built by another analysis is re-analysed on first use (similarIndex.ts). Bump the revision when
 * the code of the analysis changes. */
// 7: a longer title that names no service takes up to 3 services of its description; 6: a brand title (no service, at
// most 2 words) is explained by its description; 5: title + description services; 4: concepts; 3: words in any script,
// Latin-only diacritic folding; 2: thesaurus.json
const ANALYSIS_REVISION = 7;
export const ANALYSIS_VERSION = `${ANALYSIS_REVISION}:${crypto.createHash('sha256')
  .update(WORD_ANALYSIS_INPUTS).update(CONCEPT_INPUTS).digest('hex').slice(0, 16)}`;
