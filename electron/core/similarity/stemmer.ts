/** Indonesian stems: Sastrawi (sastrawijs), with one correction to how it undoes a nasal prefix before a vowel.
 *
 * meN-/peN- before a vowel stands for a root that starts with m, p, n or t ("menilai" ← nilai, "pemetaan" ← peta,
 * "penempatan" ← tempat, "pemadam" ← padam). sastrawijs looks the bare rest up in its dictionary before it tries those
 * letters, and its dictionary (Kateglo's) has many rare words, so it answered "ilai", "eta", "empat" (four) and "adam":
 * "penilaian" and "nilai" never met, and "penempatan pegawai" met "empat". Here the letters come first (m before p, n
 * before t, as Sastrawi orders them, unless the word is one of a few rare roots) and the bare rest only when neither
 * gives a word. The other prefixes (meng-, per-, ber- …) are left to Sastrawi as they are. */
import { Stemmer } from 'sastrawijs';

/** The part of sastrawijs 1.1.0's stemmer that this correction replaces (its prefix loop) and the parts it calls. */
interface SastrawiInternals {
  find(word: string): boolean;
  removePrefix(word: string): [prefix: string, rest: string, recodings: string[] | null | undefined];
}

/** The recodings that sastrawijs gives for meN-/peN- before a vowel: the root starts with one of these letters. */
const NASAL_BEFORE_VOWEL = new Set(['m,p', 'n,t']);

/** Dictionary words that a nasal prefix stands for so rarely that the other reading wins: "pemadam" is padam (put out),
 * never madam; "pemetaan" is peta, "pemesanan" pesan, "pemutihan" putih. Found by stemming every word of the
 * catalogue, the phrase table and the demo, and reading each stem that the correction changed. */
const RARE_ROOTS = new Set(['madam', 'meta', 'mes', 'mesan', 'mutih', 'pasu']);

/** Words whose suffix -kan / -an Sastrawi strips before it undoes the prefix, so that the prefix then gives another
 * word: "penarikan" (collecting, tarik) would be "tari" (dance), "pemasukan" (income, masuk) "asu". Their stems, as
 * a dictionary would give them. */
const EXCEPTIONS = new Map(Object.entries({
  penarikan: 'tarik', penarik: 'tarik', pemasukan: 'masuk', memesan: 'pesan', pemesan: 'pesan', pemasakan: 'masak',
  penetakan: 'tetak', pemikat: 'pikat',
  // scouting or catching ("penjaringan inovasi", "terjaring razia"), not a network (jaringan: jaring)
  penjaringan: 'penjaringan', menjaring: 'penjaringan', dijaring: 'penjaringan', terjaring: 'penjaringan',
  // performance, not work (kerja): "e-Kinerja" is not "e-Kerja Sama", "Pencari Kerja" or "Kertas Kerja"
  kinerja: 'kinerja',
}));

class CorrectedStemmer extends Stemmer {
  override stem(word: string): string {
    return EXCEPTIONS.get(word) ?? super.stem(word);
  }

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
      const nasal = recodings != null && (prefix === 'me' || prefix === 'pe') && NASAL_BEFORE_VOWEL.has(recodings.join(','));
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
/** What the stems depend on besides sastrawijs 1.1.0's code, for the analysis fingerprint (analysis.ts): a change of
 * any list here re-analyses indexed programs. Bump the revision when the code of the correction changes. */
export const STEMMER_REVISION = JSON.stringify([1, [...NASAL_BEFORE_VOWEL], [...RARE_ROOTS].sort(), [...EXCEPTIONS].sort()]);
