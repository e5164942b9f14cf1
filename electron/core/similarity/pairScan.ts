/** The whole-masterplan pair scan: every pair of programs scoring at or above a threshold, with the same measure as a
 * single pair (measure.ts: `comparesBodies`, `combine`), laid out for speed. At 10,000 programs the scan scores about a
 * million candidate pairs, so what counts is memory, not arithmetic: every program's term vectors are packed into a few
 * contiguous typed arrays (no object per program to chase), the first program of a pair is scattered into a dense
 * array indexed by term id (so an overlap is one pass over the other program's terms, no merge), and candidate lists
 * are walked from the first later program on. */
import { conceptParents } from './concepts';
import { combine, comparesBodies, termCount, type MeasureParams, type Prepared, type Similarity, type TermVector } from './measure';

/** Term vectors of n programs in compressed rows: program i's terms are ids[off[i]] … ids[off[i + 1] - 1]. */
interface Packed { off: Int32Array; ids: Int32Array; w: Float64Array; sum: Float64Array }

function pack(vectors: TermVector[]): Packed {
  const n = vectors.length;
  const off = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) off[i + 1] = off[i]! + vectors[i]!.ids.length;
  const ids = new Int32Array(off[n]!), w = new Float64Array(off[n]!), sum = new Float64Array(n);
  for (let i = 0; i < n; i++) { ids.set(vectors[i]!.ids, off[i]!); w.set(vectors[i]!.w, off[i]!); sum[i] = vectors[i]!.sum; }
  return { off, ids, w, sum };
}

/** Small integers for element / dimension values (-1: none), so agreement is an integer comparison. */
function codes(values: (string | null)[]): Int32Array {
  const map = new Map<string, number>();
  return Int32Array.from(values, (v) => {
    if (!v) return -1;
    let c = map.get(v);
    if (c === undefined) map.set(v, c = map.size);
    return c;
  });
}

/** What `apart` (measure.ts) reads of each program, as small integers, so that the scan asks it of hundreds of
 * thousands of pairs without a string: the services of its title and description, the parents of its title's
 * services, and its title's activities as bits. `apartOf` answers as `apart` does (test/unit/pairScan.test.ts checks
 * it against `apart` on every pair of two thousand labelled texts). */
export interface ApartSides { all: Int32Array[]; titleParents: Int32Array[]; hasTitle: Uint8Array; activities: Int32Array }
export function apartSides(prepared: Prepared[]): ApartSides {
  const ids = new Map<string, number>();
  const id = (x: string) => { let k = ids.get(x); if (k === undefined) ids.set(x, k = ids.size); return k; };
  const activityBits = new Map<string, number>();
  const bit = (x: string) => { let b = activityBits.get(x); if (b === undefined) activityBits.set(x, b = 1 << activityBits.size); return b; };
  return {
    all: prepared.map((d) => Int32Array.from(d.concepts.all, id)),
    titleParents: prepared.map((d) => Int32Array.from(new Set(d.concepts.title.flatMap((c) => conceptParents(c))), (x) => id(`parent:${x}`))),
    hasTitle: Uint8Array.from(prepared, (d) => (d.concepts.title.length > 0 ? 1 : 0)),
    activities: Int32Array.from(prepared, (d) => d.concepts.activities.reduce((m, a) => m | bit(a), 0)),
  };
}
function meet(x: Int32Array, y: Int32Array): boolean {
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) if (x[i] === y[j]) return true;
  return false;
}
/** measure.ts's `apart` of programs i and j: sibling services (titles naming services with a parent in common, and no
 * service in common anywhere), or different activities (each title names one, none in common). */
export function apartOf(s: ApartSides, i: number, j: number): boolean {
  if (s.hasTitle[i] === 1 && s.hasTitle[j] === 1 && !meet(s.all[i]!, s.all[j]!) && meet(s.titleParents[i]!, s.titleParents[j]!)) return true;
  const a = s.activities[i]!, b = s.activities[j]!;
  return a !== 0 && b !== 0 && (a & b) === 0;
}

export interface PairList { count: number; a: Int32Array; b: Int32Array; score: Float64Array }

/** Pairs (i < j, indices into `prepared`) scoring at least `threshold`. Candidates share a title term for which
 * `candidateTerm(termId)` is true (rare enough to pick candidates by); each candidate is scored exactly. A `judge`, if
 * given, sees each pair that reaches the threshold and gives the score to keep it with, or a negative number to drop
 * it (the duplicate model: duplicateModel.ts; the pairs' `score` is then the judge's, a probability). The similarity it
 * is given is rewritten for the next pair: read it, do not keep it. */
export function scanPreparedPairs(prepared: Prepared[], candidateTerm: (termId: number) => boolean, threshold: number, p: MeasureParams,
  judge?: (i: number, j: number, sim: Similarity) => number): PairList {
  const n = prepared.length;
  const title = pack(prepared.map((d) => d.title));
  const hasBody = Uint8Array.from(prepared, (d) => (d.hasBody ? 1 : 0));
  const full = pack(prepared.map((d) => (d.hasBody ? d.full() : d.title)));
  const element = codes(prepared.map((d) => d.element)), dimension = codes(prepared.map((d) => d.dimension));
  const apartSide = p.apart < 1 ? apartSides(prepared) : null;
  // the similarity handed to the judge: one object, rewritten for each pair (the judge keeps numbers, never it)
  const sim: Similarity = { score: 0, title: 0, full: 0, plain: 0 };
  const terms = termCount();

  // postings of the candidate terms, ascending program index
  const postCount = new Int32Array(terms + 1);
  for (let k = 0; k < title.ids.length; k++) if (candidateTerm(title.ids[k]!)) postCount[title.ids[k]! + 1]!++;
  const postOff = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) postOff[t + 1] = postOff[t]! + postCount[t + 1]!;
  const post = new Int32Array(postOff[terms]!);
  const fill = postOff.slice(0, terms);
  for (let i = 0; i < n; i++) {
    for (let k = title.off[i]!; k < title.off[i + 1]!; k++) { const t = title.ids[k]!; if (candidateTerm(t)) post[fill[t]!++] = i; }
  }

  const scatterTitle = new Float64Array(terms), scatterFull = new Float64Array(terms);
  const seenWith = new Int32Array(n).fill(-1);
  let cap = 1024, count = 0;
  let outA = new Int32Array(cap), outB = new Int32Array(cap), outS = new Float64Array(cap);
  for (let i = 0; i < n; i++) {
    const t0 = title.off[i]!, t1 = title.off[i + 1]!, f0 = full.off[i]!, f1 = full.off[i + 1]!;
    for (let k = t0; k < t1; k++) scatterTitle[title.ids[k]!] = title.w[k]!;
    for (let k = f0; k < f1; k++) scatterFull[full.ids[k]!] = full.w[k]!;
    for (let k = t0; k < t1; k++) {
      const term = title.ids[k]!;
      if (!candidateTerm(term)) continue;
      // the postings are ascending: start after i (binary search)
      let lo = postOff[term]!, hi = postOff[term + 1]!;
      const end = hi;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (post[mid]! <= i) lo = mid + 1; else hi = mid; }
      for (let q = lo; q < end; q++) {
        const j = post[q]!;
        if (seenWith[j] === i) continue;
        seenWith[j] = i;
        let inter = 0;
        for (let m = title.off[j]!, me = title.off[j + 1]!; m < me; m++) {
          const u = scatterTitle[title.ids[m]!]!;
          if (u > 0) { const v = title.w[m]!; inter += u < v ? u : v; }
        }
        const ts = title.sum[i]! + title.sum[j]!;
        const titleScore = ts === 0 ? 0 : (2 * inter) / ts;
        let fullScore: number | null = null;
        if (comparesBodies(titleScore, hasBody[i] === 1, hasBody[j] === 1, p)) {
          let fin = 0;
          for (let m = full.off[j]!, me = full.off[j + 1]!; m < me; m++) {
            const u = scatterFull[full.ids[m]!]!;
            if (u > 0) { const v = full.w[m]!; fin += u < v ? u : v; }
          }
          const fs = full.sum[i]! + full.sum[j]!;
          fullScore = fs === 0 ? 0 : (2 * fin) / fs;
        }
        const sameElement = element[i]! >= 0 && element[i] === element[j], sameDimension = dimension[i]! >= 0 && dimension[i] === dimension[j];
        let score = combine(titleScore, fullScore, sameElement, sameDimension, p);
        if (score < threshold) continue;
        // titles that say they are different things only lower a score: checked for the few pairs that reach the threshold
        const isApart = apartSide !== null && apartOf(apartSide, i, j);
        if (isApart) {
          score = combine(titleScore, fullScore, sameElement, sameDimension, p, true);
          if (score < threshold) continue;
        }
        if (judge) {
          const plain = sameElement || sameDimension ? combine(titleScore, fullScore, false, false, p, isApart) : score;
          sim.score = score; sim.title = titleScore; sim.full = fullScore ?? titleScore; sim.plain = plain;
          score = judge(i, j, sim);
          if (score < 0) continue;
        }
        if (count === cap) {
          cap *= 2;
          const a2 = new Int32Array(cap), b2 = new Int32Array(cap), s2 = new Float64Array(cap);
          a2.set(outA); b2.set(outB); s2.set(outS); outA = a2; outB = b2; outS = s2;
        }
        outA[count] = i; outB[count] = j; outS[count] = score; count++;
      }
    }
    for (let k = t0; k < t1; k++) scatterTitle[title.ids[k]!] = 0;
    for (let k = f0; k < f1; k++) scatterFull[full.ids[k]!] = 0;
  }
  return { count, a: outA, b: outB, score: outS };
}
