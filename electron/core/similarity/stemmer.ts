/** Indonesian stems: Sastrawi (sastrawijs), with one correction to how it undoes a nasal prefix before a vowel.
 *
 * meN-/peN- before a vowel stands for a root that starts with m, p, n or t ("menilai" ← nilai, "pemetaan" ← peta,
 * "penempatan" ← tempat, "pemadam" ← padam). sastrawijs looks the bare rest up in its dictionary before it tries those
 * letters, and its dictionary (Kateglo's) has many rare words, so it answered "ilai", "eta", "empat" (four) and "adam":
 * "penilaian" and "nilai" never met, and "penempatan pegawai" met "empat". Here the letters come first (m before p, n before t, as
 * Sastrawi orders them, unless the word is one of a few rare roots) and the bare rest only when neither gives a word. The other prefixes (meng-, per-, ber- …) are left to Sastrawi as they are. */
import { Stemmer } from 'sastrawijs';

/** The part of sastrawijs 1.1.0's stemmer that this correction replaces (its prefix loop) and the parts it calls. */
interface SastrawiInternals {
  find(word: string): boolean;
  removePrefix(word: string): [prefix: string, rest: string, recodings: string[] | null];
}

/** The recodings that sastrawijs gives for meN-/peN- before a vowel: the root starts with one of these letters. */
const NASAL_BEFORE_VOWEL = new Set(['m,p', 'n,t']);

/** Dictionary words that a nasal prefix stands for so rarely that the other reading wins: "pemadam" is padam (put out),
 * never madam; "pemetaan" is peta, "pemesanan" pesan, "pemutihan" putih ("pasu" only keeps Sastrawi's own answer for
 * "pemasukan"). Found by stemming every word of the catalogue, the phrase table and the demo, and reading each stem that
 * the correction changed. Still wrong, as before: "memesan" (a suffix Sastrawi strips too early). */
const RARE_ROOTS = new Set(['madam', 'meta', 'mes', 'mesan', 'mutih', 'pasu']);

class CorrectedStemmer extends Stemmer {
  /** sastrawijs's removePrefixes (up to three prefixes, a dictionary word ends it), with the order changed as above. */
  removePrefixes(word: string): [boolean, string] {
    const self = this as unknown as SastrawiInternals;
    const original = word;
    let rest = word, previous = '';
    for (let i = 0; i < 3; i++) {
      if (rest.length < 3) return [false, original];
      if (rest.substring(0, 2) === previous) break;
      const [prefix, stripped, recodings] = self.removePrefix(rest);
      previous = prefix; rest = stripped;
      const nasal = recodings !== null && (prefix === 'me' || prefix === 'pe') && NASAL_BEFORE_VOWEL.has(recodings.join(','));
      if (!nasal && self.find(rest)) return [true, rest];
      for (const letter of recodings ?? []) {
        const root = letter + rest;
        if (self.find(root) && !(nasal && RARE_ROOTS.has(root))) return [true, root];
      }
      if (nasal && self.find(rest)) return [true, rest];
    }
    return [false, rest];
  }
}

export const stemmer = new CorrectedStemmer();
/** A fingerprint of the stemming rules, for the analysis fingerprint (analysis.ts). */
export const STEMMER_REVISION = 'sastrawijs 1.1.0, nasal recodings first';
