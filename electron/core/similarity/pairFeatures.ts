/** What the duplicate model (duplicateModel.ts) knows about a pair of programs: the similarity score and its parts, and
 * what each title has that the other lacks (services, informative words, a level or a kind of user). Two programs that
 * share a service are duplicates when nothing else sets them apart ("e-BPHTB" / "BPHTB Online"), related programs when
 * one names a step, a level or a group the other does not ("PPDB Online SMP" / "Verifikasi domisili calon siswa PPDB";
 * "SIMPEG" / "SIMPEG Desa"). Every feature is symmetric: a pair gives the same values whichever program comes first. */
import { conceptParents } from './concepts';
import { SERVICE_TERM, WEAK_TERM, termIdsOf, termKind, type Prepared, type Similarity } from './measure';
import { wordTerms } from './normalize';

/** Words that set two programs on one service apart when only one title has them: the level or place the program runs
 * at, who it is for, the step of a process, infrastructure or a document instead of the service, or a kind of work
 * done around it (training people, enforcing, funding) instead of running it. Analysed like a title
 * (stems, variants), so that a title's "Kelurahan" or "Kalurahan" meets the village group's terms. The model learns
 * how much each group counts. */
const SIDE_GROUPS = {
  village: 'desa, kelurahan, kampung, nagari, gampong, dusun, kalurahan, rt, rw, lingkungan, banjar',
  district: 'kecamatan, distrik, camat',
  school: 'sekolah, sd, smp, sma, paud, madrasah, kampus',
  clinic: 'puskesmas, posyandu, klinik, rsud, rumah sakit',
  region: 'provinsi, nasional', // kabupaten, kota, daerah, pusat: stop words, in no title's terms
  civilServant: 'asn, pegawai, aparatur, pns, pppk',
  pupil: 'siswa, pelajar, murid, mahasiswa, guru',
  producer: 'petani, nelayan, peternak, pembudidaya',
  business: 'umkm, usaha, pedagang, koperasi, investor',
  vulnerable: 'lansia, disabilitas, difabel, balita, anak, perempuan, ibu hamil, miskin',
  step: 'perencanaan, monitoring, pemantauan, evaluasi, pelaporan, verifikasi, penyaluran, pendaftaran, pemeliharaan',
  infrastructure: 'jaringan, internet, wifi, server, perangkat, gedung, menara, fiber, infrastruktur',
  document: 'masterplan, roadmap, peraturan, perda, perbup, regulasi, kajian, dokumen',
  training: 'pelatihan, sosialisasi, literasi, edukasi, kampanye, pendampingan, pembinaan, kapasitas, penyuluhan, workshop',
  enforcement: 'penertiban, patroli, razia, pengawasan, penegakan, sidak',
  funding: 'bantuan, hibah, insentif, subsidi, kredit, modal, pembiayaan, beasiswa',
} as const;
type SideGroup = keyof typeof SIDE_GROUPS;

/** Each group as the terms of its words and phrases: a title names the group when it has every term of one of them
 * ("rumah sakit" needs both words: "Rumah Layak Huni" is no clinic). */
const GROUP_TERMS = new Map<SideGroup, string[][]>(
  (Object.entries(SIDE_GROUPS) as [SideGroup, string][]).map(([g, phrases]) => [g, phrases.split(', ').map((p) => {
    const terms = wordTerms(p);
    if (terms.length === 0) throw new Error(`pair features: "${p}" gives no term`);
    return terms;
  })]),
);

/** The features, in the order of the vector `pairFeatures` returns (and the model's `features` list). */
export const PAIR_FEATURES = [
  'score', 'title', 'full', 'bodiesCompared', 'descriptions',
  'sharedServices', 'servicesMin', 'servicesMax', 'unmatchedServicesMin', 'unmatchedServicesMax', 'kinUnmatched',
  'siblings', 'differentActivities', 'oneSidedActivity',
  'wordsMin', 'wordsMax', 'unmatchedWeightMin', 'unmatchedWeightMax', 'sharedWordWeight', 'sharedServiceWeight',
  'unmatchedWordsMin', 'unmatchedWordsMax', 'unmatchedTopMin', 'unmatchedTopMax', 'containmentMin', 'containmentMax',
  'brandMin', 'brandMax', 'unexplainedMin', 'unexplainedMax',
  ...[...GROUP_TERMS.keys()].map((g) => `oneSided.${g}`),
] as const;

/** The features that are not whole numbers (sums and shares of term weights, scores): rounded, the others are counts
 * and flags. */
const REAL_FEATURES = Int32Array.from(['score', 'title', 'full', 'unmatchedWeightMin', 'unmatchedWeightMax', 'sharedWordWeight',
  'sharedServiceWeight', 'unmatchedTopMin', 'unmatchedTopMax', 'containmentMin', 'containmentMax', 'unexplainedMin', 'unexplainedMax'], (f) => {
  const k = (PAIR_FEATURES as readonly string[]).indexOf(f);
  if (k < 0) throw new Error(`pair features: no feature ${f}`);
  return k;
});

/** A program as the duplicate model reads it, laid out as numbers in one typed array shared by all the programs of a
 * scan (`pairSides`), so that judging hundreds of thousands of pairs in no order reads a few adjacent cache lines per
 * program instead of chasing a dozen small objects (on the labelled pairs: 0.3 µs a pair while they fit in the
 * cache, 2 µs once they do not, before this layout). At `at`: */
const SUM = 0, HAS_BODY = 1, GROUPS = 2, ACTIVITIES = 3, TERMS = 4, SERVICES = 5, ALL_PARENTS = 6, BODY = 7, HEAD = 8;
/* (ALL_PARENTS: where the parents of all its services start, from `at`; BODY: where its description's terms start)
 * then the title's term ids (ascending), their weights and their kinds (measure.ts termKind); then the services its
 * title names, as small integers; then each service's parents (a count, then the parents); then the parents of all of
 * them (a count, then the parents); then its description's term ids (a count, then the ids, ascending). (A title that names no service has taken its description's, analysis.ts: so
 * the title's services are all the program's.) The groups (SIDE_GROUPS) its title names and its activities
 * (activities.ts) are bits. */
export interface PairSide { data: Float64Array; at: number }

/** Services, their parents and activities as small integers, so that a pair compares numbers, not strings. */
const serviceIds = new Map<string, number>(), parentIds = new Map<string, number>(), activityBits = new Map<string, number>();
function idOf(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, id = ids.size);
  return id;
}

/** One program's numbers, in the layout above. */
function sideNumbers(prepared: Prepared): number[] {
  const title = new Set(prepared.doc.title);
  let groups = 0, bit = 1;
  for (const phrases of GROUP_TERMS.values()) { if (phrases.some((terms) => terms.every((t) => title.has(t)))) groups |= bit; bit <<= 1; }
  let activities = 0;
  for (const x of prepared.concepts.activities) activities |= 1 << idOf(activityBits, x);
  const t = prepared.title, c = prepared.concepts.title;
  const serviceParents = c.map((x) => conceptParents(x).map((p) => idOf(parentIds, p)));
  const all = [...new Set(serviceParents.flat())];
  const body = [...t.ids, ...t.w, ...Array.from(t.ids, termKind), ...c.map((x) => idOf(serviceIds, x)), ...serviceParents.flatMap((ps) => [ps.length, ...ps])];
  const described = termIdsOf(prepared.doc.body);
  const bodyAt = HEAD + body.length + 1 + all.length;
  return [t.sum, prepared.hasBody ? 1 : 0, groups, activities, t.ids.length, c.length, HEAD + body.length, bodyAt, ...body, all.length, ...all, described.length, ...described];
}

/** The programs of a scan as the duplicate model reads them, all in one typed array. */
export function pairSides(prepared: readonly Prepared[]): PairSide[] {
  const numbers = prepared.map(sideNumbers);
  const data = new Float64Array(numbers.reduce((n, x) => n + x.length, 0));
  let at = 0;
  return numbers.map((x) => { data.set(x, at); const side = { data, at }; at += x.length; return side; });
}
/** One program as the duplicate model reads it (a query typed in live capture). */
export function pairSide(prepared: Prepared): PairSide { return pairSides([prepared])[0]!; }

/** Writes the smaller and the larger of two values at k; returns the next position. */
function pair(out: Float64Array, k: number, x: number, y: number): number {
  out[k] = x < y ? x : y; out[k + 1] = x < y ? y : x;
  return k + 2;
}

/** Whether the list of `n` numbers at `at` in `d` has `x`. */
function has(d: Float64Array, at: number, n: number, x: number): boolean {
  for (let i = 0; i < n; i++) if (d[at + i] === x) return true;
  return false;
}
/** Whether the ascending list of `n` numbers at `at` in `d` has `x`. */
function sortedHas(d: Float64Array, at: number, n: number, x: number): boolean {
  let lo = at, hi = at + n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, v = d[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}
/** How many of one side's services are not among the other side's (returned), and how many of those are kin of a
 * service of the other title: share a parent with it (in `kinCount`). A service missing from the other side is never
 * one of its services, so "kin" never means "itself". */
let kinCount = 0;
function missing(d: Float64Array, side: number, e: Float64Array, other: number): number {
  let n = 0;
  kinCount = 0;
  const terms = d[side + TERMS]!, count = d[side + SERVICES]!, services = side + HEAD + 3 * terms;
  const otherTerms = e[other + TERMS]!, otherCount = e[other + SERVICES]!, otherServices = other + HEAD + 3 * otherTerms;
  const otherAll = other + e[other + ALL_PARENTS]!, otherAllCount = e[otherAll]!;
  let parents = services + count;
  for (let s = 0; s < count; s++) {
    const np = d[parents]!;
    if (!has(e, otherServices, otherCount, d[services + s]!)) {
      n++;
      for (let q = 1; q <= np; q++) if (has(e, otherAll + 1, otherAllCount, d[parents + q]!)) { kinCount++; break; }
    }
    parents += 1 + np;
  }
  return n;
}

/** The features of a pair of programs (prepared under the same document frequencies), given their similarity. A title
 * term weighs the same in both documents, so what one side shares is what the other shares. The vector is written into
 * `out` when given (the scan judges hundreds of thousands of pairs). */
export function pairFeatures(sideA: PairSide, sideB: PairSide, sim: Similarity, out = new Float64Array(PAIR_FEATURES.length)): Float64Array {
  const d = sideA.data, A = sideA.at, e = sideB.data, B = sideB.at;
  // one merge of the two title vectors (term ids ascending). Each side: its words (not services), the weight and count
  // of those the other title lacks, and the highest weight among the informative ones (not weak words) of those
  let wordsA = 0, informativeA = 0, unmatchedWeightA = 0, unmatchedWordsA = 0, unmatchedTopA = 0;
  let wordsB = 0, informativeB = 0, unmatchedWeightB = 0, unmatchedWordsB = 0, unmatchedTopB = 0;
  let sharedWord = 0, sharedService = 0, sharedTitleServices = 0, unexplainedA = 0, unexplainedB = 0;
  const na = d[A + TERMS]!, nb = e[B + TERMS]!;
  const bodyA = A + d[A + BODY]!, bodyB = B + e[B + BODY]!;
  const ai = A + HEAD, aw = ai + na, ak = aw + na, bi = B + HEAD, bw = bi + nb, bk = bw + nb;
  let i = 0, j = 0;
  while (i < na || j < nb) {
    const x = i < na ? d[ai + i]! : Infinity, y = j < nb ? e[bi + j]! : Infinity;
    if (x === y) {
      const kind = d[ak + i]!, w = d[aw + i]!;
      if (kind === SERVICE_TERM) { sharedService += w; sharedTitleServices++; } else {
        sharedWord += w; wordsA++; wordsB++;
        if (kind !== WEAK_TERM) { informativeA++; informativeB++; }
      }
      i++; j++;
    } else if (x < y) {
      const kind = d[ak + i]!, w = d[aw + i]!;
      if (kind !== SERVICE_TERM) {
        wordsA++; unmatchedWeightA += w;
        if (kind !== WEAK_TERM) {
          informativeA++; unmatchedWordsA++; if (w > unmatchedTopA) unmatchedTopA = w;
          if (!sortedHas(e, bodyB + 1, e[bodyB]!, x)) unexplainedA += w;
        }
      }
      i++;
    } else {
      const kind = e[bk + j]!, w = e[bw + j]!;
      if (kind !== SERVICE_TERM) {
        wordsB++; unmatchedWeightB += w;
        if (kind !== WEAK_TERM) {
          informativeB++; unmatchedWordsB++; if (w > unmatchedTopB) unmatchedTopB = w;
          if (!sortedHas(d, bodyA + 1, d[bodyA]!, y)) unexplainedB += w;
        }
      }
      j++;
    }
  }
  const shared = sharedWord + sharedService;
  // with no service on one side: nothing in common and nothing kin (kin needs a service on each side)
  const servicesA = d[A + SERVICES]!, servicesB = e[B + SERVICES]!;
  let missingA = servicesA, kinA = 0, missingB = servicesB, kinB = 0;
  if (missingA > 0 && missingB > 0) {
    missingA = missing(d, A, e, B); kinA = kinCount;
    missingB = missing(e, B, d, A); kinB = kinCount;
  }
  // measure.ts's apartReason, from the counts above: sibling services (titles naming kin services, no service in
  // common), else different activities
  const siblings = sharedTitleServices === 0 && kinA > 0;
  // activities.ts's differentActivities: each title names one, none in common
  const actA = d[A + ACTIVITIES]!, actB = e[B + ACTIVITIES]!;
  const activities = !siblings && actA !== 0 && actB !== 0 && (actA & actB) === 0;
  const brandA = servicesA > 0 && informativeA <= 2 ? 1 : 0, brandB = servicesB > 0 && informativeB <= 2 ? 1 : 0;
  const sumA = d[A + SUM]!, sumB = e[B + SUM]!;
  const cA = sumA ? shared / sumA : 0, cB = sumB ? shared / sumB : 0;
  let k = 0;
  out[k++] = sim.plain; out[k++] = sim.title; out[k++] = sim.full; out[k++] = sim.full !== sim.title ? 1 : 0;
  out[k++] = d[A + HAS_BODY]! + e[B + HAS_BODY]!;
  out[k++] = sharedTitleServices;
  k = pair(out, k, servicesA, servicesB);
  k = pair(out, k, missingA, missingB); out[k++] = kinA + kinB;
  out[k++] = siblings ? 1 : 0; out[k++] = activities ? 1 : 0;
  out[k++] = (actA !== 0) !== (actB !== 0) ? 1 : 0;
  k = pair(out, k, wordsA, wordsB); k = pair(out, k, unmatchedWeightA, unmatchedWeightB); out[k++] = sharedWord; out[k++] = sharedService;
  k = pair(out, k, unmatchedWordsA, unmatchedWordsB); k = pair(out, k, unmatchedTopA, unmatchedTopB); k = pair(out, k, cA, cB);
  k = pair(out, k, brandA, brandB);
  // what each title says that the other program says nowhere, in its title or its description: a duplicate's
  // description explains the other's title words ("Sertifikasi Lahan … Huntap" / "Sambungan Air Bersih Kawasan Huntap"
  // share a place and nothing the other mentions; the masterplans' false alarms, docs/similarity.md)
  k = pair(out, k, unexplainedA, unexplainedB);
  const oneSided = d[A + GROUPS]! ^ e[B + GROUPS]!;
  for (let g = 0; g < GROUP_TERMS.size; g++) out[k++] = (oneSided >> g) & 1;
  // to 9 places: a sum of term weights can differ in its last bit with the order terms were first given ids in, and
  // the model must read the same values in CI, in training and in the app (the other features are counts and flags)
  for (let q = 0; q < REAL_FEATURES.length; q++) { const f = REAL_FEATURES[q]!; out[f] = Math.round(out[f]! * 1e9) / 1e9; }
  return out;
}
