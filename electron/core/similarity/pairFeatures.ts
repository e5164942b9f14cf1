/** What the duplicate model (duplicateModel.ts) knows about a pair of programs: the similarity score and its parts, and
 * what each title has that the other lacks (services, informative words, a level or a kind of user). Two programs that
 * share a service are duplicates when nothing else sets them apart ("e-BPHTB" / "BPHTB Online"), related programs when
 * one names a step, a level or a group the other does not ("PPDB Online SMP" / "Verifikasi domisili calon siswa PPDB";
 * "SIMPEG" / "SIMPEG Desa"). Every feature is symmetric: a pair gives the same values whichever program comes first. */
import { conceptParents } from './concepts';
import { differentActivities } from './activities';
import { SERVICE_TERM, WEAK_TERM, termKind, type Prepared, type Similarity } from './measure';
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
  'brandMin', 'brandMax',
  ...[...GROUP_TERMS.keys()].map((g) => `oneSided.${g}`),
] as const;

/** The features that are not whole numbers (sums and shares of term weights, scores): rounded, the others are counts
 * and flags. */
const REAL_FEATURES = Int32Array.from(['score', 'title', 'full', 'unmatchedWeightMin', 'unmatchedWeightMax', 'sharedWordWeight',
  'sharedServiceWeight', 'unmatchedTopMin', 'unmatchedTopMax', 'containmentMin', 'containmentMax'], (f) => {
  const k = (PAIR_FEATURES as readonly string[]).indexOf(f);
  if (k < 0) throw new Error(`pair features: no feature ${f}`);
  return k;
});

/** A program as the duplicate model reads it: prepared (measure.ts), with the groups (SIDE_GROUPS) its title names, one
 * bit each, the services its title names as small integers, and their parents (concepts.ts). Made once per program
 * for a whole scan. (A title that names no service has taken its description's, analysis.ts: so the title's services
 * are all the program's.) */
export interface PairSide {
  prepared: Prepared; groups: number; services: Int32Array;
  /** The parents of each of `services` (same order), and of all of them. */
  serviceParents: Int32Array[]; parents: Int32Array;
}
/** Services and their parents as small integers, so that the scan compares numbers, not strings. */
const serviceIds = new Map<string, number>(), parentIds = new Map<string, number>();
function serviceId(term: string): number {
  let id = serviceIds.get(term);
  if (id === undefined) serviceIds.set(term, id = serviceIds.size);
  return id;
}
function parentId(parent: string): number {
  let id = parentIds.get(parent);
  if (id === undefined) parentIds.set(parent, id = parentIds.size);
  return id;
}
export function pairSide(prepared: Prepared): PairSide {
  const title = new Set(prepared.doc.title);
  let groups = 0, bit = 1;
  for (const phrases of GROUP_TERMS.values()) { if (phrases.some((terms) => terms.every((t) => title.has(t)))) groups |= bit; bit <<= 1; }
  const c = prepared.concepts.title;
  const serviceParents = c.map((x) => Int32Array.from(conceptParents(x), parentId));
  return { prepared, groups, services: Int32Array.from(c, serviceId), serviceParents, parents: Int32Array.from(new Set(serviceParents.flatMap((p) => [...p]))) };
}

/** One side of a pair, read off the two title vectors in one merge: its words (not services), the weight and count of
 * those the other title lacks, and the highest weight among the informative ones (not weak words) of those. */
interface Side { words: number; informative: number; unmatchedWeight: number; unmatchedWords: number; unmatchedTop: number; sum: number }
const newSide = (): Side => ({ words: 0, informative: 0, unmatchedWeight: 0, unmatchedWords: 0, unmatchedTop: 0, sum: 0 });
/** The two sides of the pair being read (reused: the scan reads hundreds of thousands of pairs). */
const sideOne = newSide(), sideTwo = newSide();
function reset(s: Side, sum: number): Side {
  s.words = 0; s.informative = 0; s.unmatchedWeight = 0; s.unmatchedWords = 0; s.unmatchedTop = 0; s.sum = sum;
  return s;
}
function unmatchedTerm(s: Side, kind: number, w: number): void {
  if (kind === SERVICE_TERM) return;
  s.words++; s.unmatchedWeight += w;
  if (kind !== WEAK_TERM) { s.informative++; s.unmatchedWords++; if (w > s.unmatchedTop) s.unmatchedTop = w; }
}

/** Writes the smaller and the larger of two values at k; returns the next position. */
function pair(out: Float64Array, k: number, x: number, y: number): number {
  out[k] = x < y ? x : y; out[k + 1] = x < y ? y : x;
  return k + 2;
}

/** How many of one side's services are not among the other side's (returned), and how many of those are kin of a
 * service of the other title: share a parent with it (in `kinCount`). A service missing from the other side is never
 * one of its services, so "kin" never means "itself". */
let kinCount = 0;
function has(xs: Int32Array, x: number): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i] === x) return true;
  return false;
}
function meets(xs: Int32Array, ys: Int32Array): boolean {
  for (let i = 0; i < xs.length; i++) if (has(ys, xs[i]!)) return true;
  return false;
}
function missing(side: PairSide, other: PairSide): number {
  let n = 0;
  kinCount = 0;
  const xs = side.services, ys = other.services;
  for (let i = 0; i < xs.length; i++) if (!has(ys, xs[i]!)) { n++; if (meets(side.serviceParents[i]!, other.parents)) kinCount++; }
  return n;
}

/** The features of a pair of programs (prepared under the same document frequencies), given their similarity. A title
 * term weighs the same in both documents, so what one side shares is what the other shares. The vector is written into
 * `out` when given (the scan judges hundreds of thousands of pairs). */
export function pairFeatures(sideA: PairSide, sideB: PairSide, sim: Similarity, out = new Float64Array(PAIR_FEATURES.length)): Float64Array {
  const a = sideA.prepared, b = sideB.prepared;
  const A = reset(sideOne, a.title.sum), B = reset(sideTwo, b.title.sum);
  let sharedWord = 0, sharedService = 0, sharedTitleServices = 0;
  const ai = a.title.ids, bi = b.title.ids, aw = a.title.w, bw = b.title.w;
  const na = ai.length, nb = bi.length;
  let i = 0, j = 0;
  while (i < na && j < nb) {
    const x = ai[i]!, y = bi[j]!;
    if (x === y) {
      const kind = termKind(x), w = aw[i]!;
      if (kind === SERVICE_TERM) { sharedService += w; sharedTitleServices++; } else {
        sharedWord += w; A.words++; B.words++;
        if (kind !== WEAK_TERM) { A.informative++; B.informative++; }
      }
      i++; j++;
    } else if (x < y) { unmatchedTerm(A, termKind(x), aw[i]!); i++; } else { unmatchedTerm(B, termKind(y), bw[j]!); j++; }
  }
  for (; i < na; i++) unmatchedTerm(A, termKind(ai[i]!), aw[i]!);
  for (; j < nb; j++) unmatchedTerm(B, termKind(bi[j]!), bw[j]!);
  const sa = a.concepts, sb = b.concepts;
  const shared = sharedWord + sharedService;
  // with no service on one side: nothing in common and nothing kin (kin needs a service on each side)
  let missingA = sideA.services.length, kinA = 0, missingB = sideB.services.length, kinB = 0;
  if (missingA > 0 && missingB > 0) {
    missingA = missing(sideA, sideB); kinA = kinCount;
    missingB = missing(sideB, sideA); kinB = kinCount;
  }
  // measure.ts's apartReason, from the counts above: sibling services (titles naming kin services, no service in
  // common), else different activities
  const siblings = sharedTitleServices === 0 && kinA > 0;
  const activities = !siblings && sa.activities.length > 0 && sb.activities.length > 0 && differentActivities(sa.activities, sb.activities);
  const brandA = sa.title.length > 0 && A.informative <= 2 ? 1 : 0, brandB = sb.title.length > 0 && B.informative <= 2 ? 1 : 0;
  const cA = A.sum ? shared / A.sum : 0, cB = B.sum ? shared / B.sum : 0;
  let k = 0;
  out[k++] = sim.plain; out[k++] = sim.title; out[k++] = sim.full; out[k++] = sim.full !== sim.title ? 1 : 0;
  out[k++] = (a.hasBody ? 1 : 0) + (b.hasBody ? 1 : 0);
  out[k++] = sharedTitleServices;
  k = pair(out, k, sa.title.length, sb.title.length);
  k = pair(out, k, missingA, missingB); out[k++] = kinA + kinB;
  out[k++] = siblings ? 1 : 0; out[k++] = activities ? 1 : 0;
  out[k++] = (sa.activities.length > 0) !== (sb.activities.length > 0) ? 1 : 0;
  k = pair(out, k, A.words, B.words); k = pair(out, k, A.unmatchedWeight, B.unmatchedWeight); out[k++] = sharedWord; out[k++] = sharedService;
  k = pair(out, k, A.unmatchedWords, B.unmatchedWords); k = pair(out, k, A.unmatchedTop, B.unmatchedTop); k = pair(out, k, cA, cB);
  k = pair(out, k, brandA, brandB);
  const oneSided = sideA.groups ^ sideB.groups;
  for (let g = 0; g < GROUP_TERMS.size; g++) out[k++] = (oneSided >> g) & 1;
  // to 9 places: a sum of term weights can differ in its last bit with the order terms were first given ids in, and
  // the model must read the same values in CI, in training and in the app (the other features are counts and flags)
  for (let q = 0; q < REAL_FEATURES.length; q++) { const f = REAL_FEATURES[q]!; out[f] = Math.round(out[f]! * 1e9) / 1e9; }
  return out;
}
