/** The similarity measure (pure): IDF-weighted Dice overlap of term sets, on titles and on title + description,
 * plus a small bonus when dimension or element agree. Chosen and tuned on the labelled pairs (docs/similarity.md). */
import type { Activity } from '../../../shared/api/schemas';
import { activitiesOf, differentActivities } from './activities';
import { conceptParents, isConceptTerm } from './concepts';
import { WEAK_WORDS } from './normalize';

export interface SimDoc {
  title: readonly string[];
  /** Description terms (the title's are not repeated here). */
  body: readonly string[];
  dimension?: string | null;
  element?: string | null;
}

export interface MeasureParams {
  /** Weight of weak words (sistem, aplikasi, digital …) relative to others. */
  weak: number;
  /** Weight of a concept term (concepts.ts) relative to a word with the same document frequency. */
  concept: number;
  /** Weight of description terms relative to title terms. */
  body: number;
  /** Share of the title-only score when both sides have a description. */
  titleShare: number;
  dimensionBonus: number;
  elementBonus: number;
  /** Factor on the score of two programs whose titles say they are different things (`apart`): sibling services and
   * no service in common (birth / death certificate, flood / tsunami warning), or different activities on one subject
   * (training / building): related programs, not duplicates. At most 1 (the scan relies on it only lowering a score);
   * 1: no effect. */
  apart: number;
  /** Below this title overlap the descriptions are not compared (titles that barely overlap name different programs;
   * it also keeps the whole-masterplan scan cheap). */
  minTitle: number;
}

export const DEFAULT_PARAMS: MeasureParams = { weak: 0.5, concept: 3, body: 0.5, titleShare: 0.5, dimensionBonus: 0.03, elementBonus: 0.05, apart: 0.5, minTitle: 0.2 };
/** Pairs at or above this score are the candidates that the duplicate model judges (duplicateModel.ts): the threshold
 * with the best F1 of the score alone on the labelled pairs. */
export const DEFAULT_THRESHOLD = 0.21;

/** Document frequencies: how many documents contain each term. */
export interface DfSource { df(term: string): number; readonly n: number }

export function idf(src: DfSource, term: string): number {
  return Math.log(1 + (src.n + 1) / (src.df(term) + 1));
}

export function termWeight(src: DfSource, term: string, p: MeasureParams = DEFAULT_PARAMS): number {
  return idf(src, term) * (isConceptTerm(term) ? p.concept : WEAK_WORDS.has(term) ? p.weak : 1);
}

/** Description terms compared per program: the 12 highest-weighted ones (a facilitator's description of one or two
 * sentences has fewer; longer notes are cut to their most telling terms, which also keeps the scan fast). */
export const MAX_BODY_TERMS = 12;

/** Terms as small integers, so that two documents' term sets intersect by a merge of sorted arrays. */
const termIds = new Map<string, number>();
/** What kind of term each id is: SERVICE_TERM (a concept term), WEAK_TERM (a weak word), or 0. */
const termKinds: number[] = [];
export const SERVICE_TERM = 1, WEAK_TERM = 2;
/** How many distinct terms have an id (ids are 0 … termCount() - 1). */
export function termCount(): number { return termIds.size; }
/** A term's id, if any vector has used it. */
export function termIdOf(t: string): number | undefined { return termIds.get(t); }
/** The kind of the term with this id (SERVICE_TERM, WEAK_TERM or 0). */
export function termKind(id: number): number { return termKinds[id] ?? 0; }
/** Terms as their ids, ascending, each once (giving ids to terms no vector has used yet). */
export function termIdsOf(terms: readonly string[]): number[] {
  return [...new Set(terms.map(termId))].sort((x, y) => x - y);
}
function termId(t: string): number {
  let id = termIds.get(t);
  if (id === undefined) {
    id = termIds.size; termIds.set(t, id);
    termKinds[id] = isConceptTerm(t) ? SERVICE_TERM : WEAK_WORDS.has(t) ? WEAK_TERM : 0;
  }
  return id;
}

/** A weighted term set: term ids ascending, their weights, and the sum of the weights. */
export interface TermVector { ids: Int32Array; w: Float64Array; sum: number }

function vector(weights: Map<string, number>): TermVector {
  const entries = [...weights].map(([t, w]) => [termId(t), w] as const).sort((a, b) => a[0] - b[0]);
  const ids = new Int32Array(entries.length), w = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([id, x], i) => { ids[i] = id; w[i] = x; sum += x; });
  return { ids, w, sum };
}

/** A document's term weights, computed once and reused for every pair it is scored in. The title + description
 * weights are computed only when a pair needs them (both sides have a description). */
export interface Prepared {
  /** The document it was prepared from. */
  doc: SimDoc;
  title: TermVector; hasBody: boolean; dimension: string | null; element: string | null;
  /** The services (concept terms) the title names, and those the title or the description name. */
  concepts: ServiceSets;
  full(): TermVector;
}

/** A document's services (and its title's activities, activities.ts), worked out once per document object (the
 * index's documents live as long as the file is open, and an edit replaces its document). */
const services = new WeakMap<SimDoc, ServiceSets>();
export function servicesOf(d: SimDoc): ServiceSets {
  let s = services.get(d);
  if (!s) services.set(d, s = { title: d.title.filter(isConceptTerm), all: [...d.title, ...d.body].filter(isConceptTerm), activities: activitiesOf(d.title) });
  return s;
}

export function prepare(src: DfSource, d: SimDoc, p: MeasureParams = DEFAULT_PARAMS): Prepared {
  const tw = new Map<string, number>();
  for (const t of d.title) if (!tw.has(t)) tw.set(t, termWeight(src, t, p));
  const title = vector(tw);
  let full: TermVector | undefined;
  return {
    doc: d, title, hasBody: d.body.length > 0, dimension: d.dimension ?? null, element: d.element ?? null,
    concepts: servicesOf(d),
    full() {
      if (!full) {
        const fw = new Map(tw);
        // the description's most telling terms (highest IDF) are enough; fewer terms keep the scan fast
        const body = d.body.filter((t) => !fw.has(t)).map((t) => [t, termWeight(src, t, p) * p.body] as const)
          .sort((x, y) => y[1] - x[1]).slice(0, MAX_BODY_TERMS);
        for (const [t, w] of body) fw.set(t, w);
        full = vector(fw);
      }
      return full;
    },
  };
}

/** Weighted Dice: twice the weight both share (the smaller of the two weights of a shared term) over both sums. */
function dice(a: TermVector, b: TermVector): number {
  if (a.sum + b.sum === 0) return 0;
  let i = 0, j = 0, inter = 0;
  const ai = a.ids, bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!, y = bi[j]!;
    if (x === y) { inter += Math.min(a.w[i]!, b.w[j]!); i++; j++; } else if (x < y) i++; else j++;
  }
  return (2 * inter) / (a.sum + b.sum);
}

export interface Similarity {
  score: number; title: number; full: number;
  /** The score without the element / dimension bonus: what the duplicate model reads (duplicateModel.ts; the labelled
   * pairs it learned from have no element or dimension). */
  plain: number;
}

/** Whether a pair's descriptions are compared: both have one and their titles overlap enough. */
export function comparesBodies(title: number, aHasBody: boolean, bHasBody: boolean, p: MeasureParams = DEFAULT_PARAMS): boolean {
  return aHasBody && bHasBody && title >= p.minTitle;
}

export interface ServiceSets { title: readonly string[]; all: readonly string[]; activities: readonly Activity[] }

/** Whether two programs' titles name sibling services (concepts with a parent in common) and the programs name no
 * service in common, in their titles or descriptions (what the screens show as "same service"). */
export function siblings(a: ServiceSets, b: ServiceSets): boolean {
  if (a.title.length === 0 || b.title.length === 0 || a.all.some((c) => b.all.includes(c))) return false;
  return a.title.some((c) => { const pa = conceptParents(c); return b.title.some((d) => conceptParents(d).some((x) => pa.includes(x))); });
}

/** Why two programs' titles say they are different things: the sibling services each title names (birth / death
 * certificate), or the activities each names (training / building). Shown on the screens beside the lowered score. */
export type ApartReason = { kind: 'siblings'; a: string[]; b: string[] } | { kind: 'activities'; a: readonly Activity[]; b: readonly Activity[] };

export function apartReason(a: ServiceSets, b: ServiceSets): ApartReason | null {
  if (siblings(a, b)) {
    const kin = (x: string, ys: readonly string[]) => { const px = conceptParents(x); return ys.some((y) => conceptParents(y).some((q) => px.includes(q))); };
    return { kind: 'siblings', a: a.title.filter((x) => kin(x, b.title)), b: b.title.filter((y) => kin(y, a.title)) };
  }
  return differentActivities(a.activities, b.activities) ? { kind: 'activities', a: a.activities, b: b.activities } : null;
}

/** Whether two programs' titles say they are different things: sibling services, or different activities (the one
 * condition: the reason shown is the reason the score was lowered, `apartReason`; this answers without building it,
 * since the whole-masterplan scan asks for every pair that reaches the threshold). */
export function apart(a: ServiceSets, b: ServiceSets): boolean {
  return siblings(a, b) || differentActivities(a.activities, b.activities);
}

/** The score from its parts: the title overlap, the title + description overlap (null when not compared), and whether
 * element or dimension agree, and whether the titles say they are different things (`apart`). The one formula, used by
 * single pairs and by the whole-masterplan scan alike. */
export function combine(title: number, full: number | null, sameElement: boolean, sameDimension: boolean, p: MeasureParams = DEFAULT_PARAMS, isApart = false): number {
  let score = full === null ? title : p.titleShare * title + (1 - p.titleShare) * full;
  if (isApart) score *= p.apart;
  if (score > 0) {
    if (sameElement) score += p.elementBonus;
    else if (sameDimension) score += p.dimensionBonus;
  }
  return Math.min(1, score);
}

export function scorePrepared(a: Prepared, b: Prepared, p: MeasureParams = DEFAULT_PARAMS): Similarity {
  const title = dice(a.title, b.title);
  const full = comparesBodies(title, a.hasBody, b.hasBody, p) ? dice(a.full(), b.full()) : null;
  const isApart = p.apart < 1 && apart(a.concepts, b.concepts);
  const score = combine(title, full, !!a.element && a.element === b.element, !!a.dimension && a.dimension === b.dimension, p, isApart);
  return { score, title, full: full ?? title, plain: combine(title, full, false, false, p, isApart) };
}

export function similarity(src: DfSource, a: SimDoc, b: SimDoc, p: MeasureParams = DEFAULT_PARAMS): Similarity {
  return scorePrepared(prepare(src, a, p), prepare(src, b, p), p);
}

/** Document frequencies counted over a set of documents (used by the quality script and brute-force reference). */
export class DfTable implements DfSource {
  private counts = new Map<string, number>();
  n = 0;
  add(d: SimDoc, sign = 1): void {
    this.n += sign;
    for (const t of new Set([...d.title, ...d.body])) this.counts.set(t, (this.counts.get(t) ?? 0) + sign);
  }
  df(term: string): number { return this.counts.get(term) ?? 0; }
}
