/** Indonesian-aware text analysis for duplicate finding: case, punctuation and diacritics removed, spelling variants
 * and abbreviations mapped to one form, stop words dropped, words stemmed with Sastrawi (sastrawijs, corrected in
 * stemmer.ts), stems cached.
 * The word lists were chosen by looking at the demo masterplan and the labelled pairs (see docs/similarity.md). */
import { STEMMER_REVISION, stemmer } from './stemmer';
import thesaurus from './thesaurus.json';

/** Glued "e" prefixes seen in program names: eParkir, eKatalog, … → "elektronik parkir". */
const GLUED_E = /\be(parkir|katalog|office|gov|government|budgeting|planning|retribusi|perizinan|kinerja|samsat|tilang|health|learning|library|pustaka|voting|procurement|commerce|ktp|musrenbang|lapor|pajak|absensi|presensi|surat|arsip|tiket|ticketing|money|wallet|book|purchasing|puskesmas|health)\b/g;

/** Phrase table (thesaurus.json): spelling variants, acronyms and their expansions, English/Indonesian pairs → one
 * canonical form. Applied on whole words, the longest variant at each position first ("sistem informasi manajemen
 * kepegawaian" wins over "sistem informasi manajemen", which wins over "sim"); a multi-word variant also keeps its
 * words (tuned on the labelled pairs: F1 0.754 → 0.769). */
const PHRASE_TO = new Map<string, string>();
/** For a word that starts a multi-word variant: the most words such a variant has. */
const LONGEST_FROM = new Map<string, number>();
for (const g of (thesaurus as { groups: { canonical: string; variants: string[] }[] }).groups) {
  for (const v of g.variants) {
    if (PHRASE_TO.has(v)) continue;
    PHRASE_TO.set(v, g.canonical);
    const words = v.split(' ');
    if (words.length > 1) LONGEST_FROM.set(words[0]!, Math.max(LONGEST_FROM.get(words[0]!) ?? 1, words.length));
  }
}
/** How many phrase groups and variants the table holds (for the docs and tests). */
export const PHRASE_TABLE = { groups: (thesaurus as { groups: unknown[] }).groups.length, variants: PHRASE_TO.size };

/** `words` with phrases mapped; `loose` (if given) receives the words that no multi-word phrase covered. */
function mapPhrases(words: string[], loose?: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let hit = 0;
    for (let len = Math.min(LONGEST_FROM.get(words[i]!) ?? 1, words.length - i); len >= 1; len--) {
      const to = PHRASE_TO.get(len === 1 ? words[i]! : words.slice(i, i + len).join(' '));
      if (to !== undefined) {
        // a phrase keeps its own words beside the canonical form: "pemadam kebakaran" (→ damkar) still shares
        // "kebakaran" with "lapor kebakaran"; not a phrase that only says how ("non tunai", "dalam jaringan")
        out.push(to);
        if (len > 1 && !WEAK_WORDS.has(to) && !STOP_WORDS.has(to)) out.push(...words.slice(i, i + len));
        hit = len;
        break;
      }
    }
    if (hit === 0) { out.push(words[i]!); loose?.push(words[i]!); hit = 1; } else if (hit === 1) loose?.push(words[i]!);
    i += hit;
  }
  return out;
}

/** Function words of Bahasa Indonesia (and a few English ones). */
const FUNCTION_WORDS = new Set([
  'dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'dengan', 'pada', 'dalam', 'bagi', 'oleh', 'serta', 'atau', 'ini', 'itu',
  'se', 'secara', 'melalui', 'antar', 'per', 'tentang', 'terhadap', 'sebagai', 'akan', 'agar', 'supaya', 'juga', 'sudah',
  'telah', 'dapat', 'bisa', 'tahun', 'tiap', 'setiap', 'seluruh', 'semua', 'lebih', 'para', 'of', 'the', 'and', 'for', 'to',
  'yg', 'dg', 'dgn', 'utk', 'dll', 'dsb', 'tsb', 'a', 'an', 'in', 'on', 'by', 'nya',
]);
/** Function words, and words that say nothing in a smart-city program title (they occur in a large share of all
 * titles, whatever the program does; see docs/similarity.md for the counts). */
export const STOP_WORDS = new Set([
  ...FUNCTION_WORDS,
  // say nothing in a program title
  'program', 'kegiatan', 'pengembangan', 'kembang', 'peningkatan', 'tingkat', 'pembangunan', 'bangun', 'penyediaan',
  'sedia', 'pengadaan', 'ada', 'penguatan', 'kuat', 'optimalisasi', 'implementasi', 'penerapan', 'terap', 'pelaksanaan',
  'laksana', 'penyelenggaraan', 'selenggara', 'pemanfaatan', 'manfaat', 'berbasis', 'basis', 'smart', 'cerdas', 'pintar',
  'kota', 'kabupaten', 'kab', 'daerah', 'pemerintah', 'pemkot', 'pemkab', 'pemda', 'inovasi', 'modernisasi',
  'revitalisasi', 'gerakan', 'gerak', 'kegiatan', 'proyek', 'project', 'system', 'baru', 'new', 'center', 'pusat',
  'terintegrasi', 'integrasi', 'terpadu', 'padu', 'terintegrasi', 'pengelolaan', 'kelola', 'tata', 'penataan',
  'fasilitasi', 'fasilitas', 'perluasan', 'luas', 'percepatan', 'cepat',
]);

/** Words that carry some meaning but are everywhere in smart-city titles: they count, with a smaller weight. */
export const WEAK_WORDS = new Set([
  'sistem', 'informasi', 'aplikasi', 'digital', 'digitalisasi', 'elektronik', 'daring', 'layan', 'layanan', 'data', 'warga',
  'portal', 'dasbor', 'platform', 'teknologi', 'jaringan', 'infrastruktur', 'sarana', 'prasarana', 'manajemen', 'kelola',
  'monitoring', 'pantau', 'integrasi', 'nontunai', 'qris', 'qrcode', 'realtime',
]);

/** What the word analysis depends on besides its code (phrase table, stop and weak words, glued e- prefixes), for the
 * fingerprint in analysis.ts. */
export const WORD_ANALYSIS_INPUTS = JSON.stringify([(thesaurus as { groups: unknown[] }).groups, [...STOP_WORDS].sort(), [...WEAK_WORDS].sort(), GLUED_E.source, STEMMER_REVISION]);

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** The stem of one lower-case word (stemmer.ts), cached (a stem costs ~50 µs; a cached one ~0.1 µs). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    // Sastrawi knows Indonesian in Latin letters only: other words (numbers, Balinese script) are kept as they are
    s = !/^[a-z]+$/.test(word) || word.length <= 3 ? word : stemmer.stem(word) || word;
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Lower case, Latin diacritics removed (the marks of other scripts, such as Balinese vowel signs, are part of their
 * words and stay), no punctuation or emoji. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/(?<=\p{Script=Latin})\p{M}+/gu, '').toLowerCase();
}

/** Folded, variants mapped; one space between words, one at each end. Words are runs of letters (with their marks)
 * and digits in any script. */
export function normalizeText(text: string, loose?: string[]): string {
  let t = foldText(text);
  t = t.replace(/\be-(?=[a-z])/g, 'e ').replace(GLUED_E, 'e $1');
  const words = t.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean).map((w) => (w === 'e' || w === 'electronic' ? 'elektronik' : w));
  return ` ${mapPhrases(words, loose).join(' ')} `;
}

/** Concept terms (concepts.ts) start with this, so no word term may: the rare word that does ("qqq") is left out. */
export const CONCEPT_PREFIX = 'qq';

/** The words of a text that its analysis leaves out although they are not function words: words that say nothing in a
 * title ("smart", "pembangunan"), numbers and single letters, unless a phrase of the table covers them. A concept rule
 * written with such a word would be broader than it reads ("smart drainase" would match every drainage program): concepts.ts
 * leaves such alternatives out. */
export function droppedWords(text: string): string[] {
  const loose: string[] = []; // a word inside a phrase of the table ("center" in "command center") is not dropped
  normalizeText(text, loose);
  return loose.filter((w) => {
    if (FUNCTION_WORDS.has(w)) return false;
    const s = stem(w);
    return STOP_WORDS.has(w) || STOP_WORDS.has(s) || s.length < 2;
  });
}

/** The distinct word terms of a text (stems and canonical forms), in order of first appearance. analysis.ts adds the
 * concepts they name. */
export function wordTerms(text: string | null | undefined, maxTerms = 80): string[] {
  if (!text) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const w of normalizeText(text).split(' ')) {
    if (!w || STOP_WORDS.has(w)) continue;
    const s = stem(w);
    if (STOP_WORDS.has(s) || s.length < 2 || s.startsWith(CONCEPT_PREFIX)) continue;
    if (!seen.has(s)) { seen.add(s); out.push(s); if (out.length >= maxTerms) break; }
  }
  return out;
}
