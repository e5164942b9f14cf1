/** The similarity index: normalised terms of every live program in `similar_doc` + FTS5 `similar_fts` (local, derived,
 * kept incrementally: saves only mark a program in `similar_pending`; `refreshSimilarIndex` catches up before every
 * query). An in-memory model (terms per program, document frequencies) is loaded once per open file and patched with
 * the same pending rows, never rebuilt on an edit. */
import type Database from 'better-sqlite3';
import { ANALYSIS_VERSION, analyzeProgram } from './analysis';
import { foldText } from './normalize';
import { isConceptTerm } from './concepts';
import { DEFAULT_PARAMS, DEFAULT_THRESHOLD, apartReason, prepare, scorePrepared, type Prepared, servicesOf, type ApartReason, type ServiceSets, termCount, termIdOf, type DfSource, type MeasureParams, type SimDoc, type Similarity } from './measure';
import { scanPreparedPairs, type PairList } from './pairScan';
import { CANDIDATE_SCORE, DUPLICATE_THRESHOLD, duplicateProbability } from './duplicateModel';
import { pairFeatures, pairSide, pairSides } from './pairFeatures';

export interface IndexedDoc extends SimDoc {
  rowid: number; id: string; leadOpdId: string; title: string[]; body: string[];
}

class Model implements DfSource {
  docs = new Map<number, IndexedDoc>();
  counts = new Map<string, number>();
  get n(): number { return this.docs.size; }
  df(term: string): number { return this.counts.get(term) ?? 0; }
  put(d: IndexedDoc): void {
    this.remove(d.rowid);
    this.docs.set(d.rowid, d);
    for (const t of new Set([...d.title, ...d.body])) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }
  remove(rowid: number): void {
    const old = this.docs.get(rowid);
    if (!old) return;
    this.docs.delete(rowid);
    for (const t of new Set([...old.title, ...old.body])) {
      const c = (this.counts.get(t) ?? 1) - 1;
      if (c <= 0) this.counts.delete(t); else this.counts.set(t, c);
    }
  }
}

const models = new WeakMap<Database.Database, Model>();
/** Counters for tests and the benchmark: how many documents were (re)analysed. */
export const indexStats = { analysed: 0, fullLoads: 0 };

interface ProgramRowLite { rowid: number; id: string; lead_opd_id: string; title: string | null; description: string | null; dimension: string | null; element: string | null; deleted: number; merged_into_id: string | null }

function toDoc(r: ProgramRowLite, terms?: { title: string; body: string }): IndexedDoc {
  let title: string[], body: string[];
  if (terms) {
    title = terms.title ? terms.title.split(' ') : [];
    body = terms.body ? terms.body.split(' ') : [];
  } else {
    indexStats.analysed++;
    ({ title, body } = analyzeProgram(r.title, r.description));
  }
  return { rowid: r.rowid, id: r.id, leadOpdId: r.lead_opd_id, title, body, dimension: r.dimension, element: r.element };
}

const LITE = 'SELECT rowid, id, lead_opd_id, title, description, dimension, element, deleted, merged_into_id FROM program';

function indexedAnalysis(db: Database.Database): string | undefined {
  return db.prepare("SELECT value FROM local_meta WHERE key = 'similar_analysis'").pluck().get() as string | undefined;
}

const checkedAnalysis = new WeakSet<Database.Database>();
/** A file indexed by another analysis (an older Rembuk, another phrase table) has every program marked pending once:
 * the index then catches up like after any edit, and the in-memory model is reloaded. */
function ensureCurrentAnalysis(db: Database.Database): void {
  if (checkedAnalysis.has(db) || db.readonly) return;
  if (indexedAnalysis(db) !== ANALYSIS_VERSION) {
    db.transaction(() => {
      db.prepare('INSERT OR IGNORE INTO similar_pending (program_rowid) SELECT rowid FROM program').run();
      db.prepare("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('similar_analysis', ?)").run(ANALYSIS_VERSION);
    })();
    models.delete(db);
  }
  checkedAnalysis.add(db); // only once it is done: a failed attempt (a busy file) is tried again
}

/** Brings the index up to date with the pending programs, or with the first `limit` of them (a caller that must not
 * hold the event loop long does it in slices). Returns how many were processed. */
export function refreshSimilarIndex(db: Database.Database, limit = Infinity): number {
  ensureCurrentAnalysis(db);
  const model = models.get(db);
  if (db.readonly) return 0;
  const pending = db.prepare('SELECT program_rowid FROM similar_pending LIMIT ?').pluck().all(Number.isFinite(limit) ? limit : -1) as number[];
  if (pending.length === 0) return 0;
  const get = db.prepare(`${LITE} WHERE rowid = ?`);
  const delFts = db.prepare('DELETE FROM similar_fts WHERE rowid = ?');
  const delDoc = db.prepare('DELETE FROM similar_doc WHERE program_rowid = ?');
  const insFts = db.prepare('INSERT INTO similar_fts (rowid, title, body) VALUES (?, ?, ?)');
  const insDoc = db.prepare('INSERT INTO similar_doc (program_rowid, title, body) VALUES (?, ?, ?)');
  const hadDoc = db.prepare('SELECT 1 FROM similar_doc WHERE program_rowid = ?').pluck();
  const patches: (IndexedDoc | number)[] = [];
  db.transaction(() => {
    for (const rowid of pending) {
      if (hadDoc.get(rowid)) { delFts.run(rowid); delDoc.run(rowid); }
      const r = get.get(rowid) as ProgramRowLite | undefined;
      // a live program is indexed whatever its merged_into_id says (only a deleted program is merged away: one brought
      // back by a conflict's resolution keeps a stale one)
      if (!r || r.deleted) { patches.push(rowid); continue; }
      const d = toDoc(r);
      insDoc.run(rowid, d.title.join(' '), d.body.join(' '));
      insFts.run(rowid, d.title.join(' '), d.body.join(' '));
      patches.push(d);
    }
    const done = db.prepare('DELETE FROM similar_pending WHERE program_rowid = ?');
    for (const rowid of pending) done.run(rowid);
  })();
  if (model) for (const p of patches) if (typeof p === 'number') model.remove(p); else model.put(p);
  return pending.length;
}

/** The model of the live programs: loaded once (from the index, or from the programs themselves on a read-only file
 * whose index is behind), then patched by refreshSimilarIndex. Lead OPD, dimension and element are re-read cheaply. */
export function similarModel(db: Database.Database): Model {
  refreshSimilarIndex(db);
  let model = models.get(db);
  const stalePending = db.readonly && ((db.prepare('SELECT count(*) FROM similar_pending').pluck().get() as number) > 0 || indexedAnalysis(db) !== ANALYSIS_VERSION);
  if (!model) {
    indexStats.fullLoads++;
    model = new Model();
    if (stalePending) {
      for (const r of db.prepare(`${LITE} WHERE deleted = 0`).all() as ProgramRowLite[]) model.put(toDoc(r));
    } else {
      const rows = db.prepare(`SELECT p.rowid, p.id, p.lead_opd_id, p.dimension, p.element, d.title AS t, d.body AS b
        FROM similar_doc d JOIN program p ON p.rowid = d.program_rowid`).all() as (ProgramRowLite & { t: string; b: string })[];
      for (const r of rows) model.put(toDoc(r, { title: r.t, body: r.b }));
    }
    if (!db.readonly) models.set(db, model);
  }
  return model;
}

/** Above this document frequency a term is too common to pick candidates by (5 % of programs, at least 50). */
export function commonDf(n: number): number { return Math.max(50, Math.ceil(n * 0.05)); }

type Attrs = { rowid: number; lead_opd_id: string; dimension: string | null; element: string | null };
/** Lead OPD, dimension and element change without touching the terms: read them fresh (for some rows, or all). */
function refreshAttributes(db: Database.Database, model: Model, rowids?: number[]): void {
  let rows: Attrs[];
  if (rowids) {
    const one = db.prepare('SELECT rowid, lead_opd_id, dimension, element FROM program WHERE rowid = ?');
    rows = rowids.map((r) => one.get(r) as Attrs | undefined).filter((r): r is Attrs => !!r);
  } else rows = db.prepare('SELECT rowid, lead_opd_id, dimension, element FROM program WHERE deleted = 0').all() as Attrs[];
  for (const r of rows) {
    const d = model.docs.get(r.rowid);
    if (d) { d.leadOpdId = r.lead_opd_id; d.dimension = r.dimension; d.element = r.element; }
  }
}

/** How many BM25 candidates are re-scored per as-you-type query. */
const CANDIDATES = 150;

export interface SimilarHit {
  programId: string; score: number; title: number; full: number;
  /** The services (concept terms) both name: why two titles with no word in common are similar. */
  concepts: string[];
  /** Why the titles say they are different things (their score was lowered), if they do. */
  apart: ApartReason | null;
  /** The probability that the two are one program twice (duplicateModel.ts). */
  duplicate: number;
}

/** The strongest `limit` hits, each with the services it shares with the query (worked out for those only). */
interface Scored { doc: IndexedDoc; prepared: Prepared; s: Similarity }
function topHits(scored: Scored[], query: Prepared, limit: number, params: MeasureParams = DEFAULT_PARAMS): SimilarHit[] {
  const q = query.concepts;
  const side = pairSide(query);
  return scored.sort((a, b) => b.s.score - a.s.score).slice(0, limit).map(({ doc, prepared, s }) => {
    const d = servicesOf(doc);
    return {
      programId: doc.id, ...s, concepts: d.all.filter((c) => q.all.includes(c)), apart: params.apart < 1 ? apartReason(q, d) : null,
      duplicate: params === DEFAULT_PARAMS ? duplicateProbability(side, pairSide(prepared), s) : 0,
    };
  });
}

/** The services (concept terms) and title activities of each of these programs, by program id (programs not in the
 * index: none). */
export function programServices(db: Database.Database, programIds: readonly string[]): Map<string, ServiceSets> {
  const want = new Set(programIds);
  const out = new Map<string, ServiceSets>();
  for (const d of similarModel(db).docs.values()) if (want.has(d.id)) out.set(d.id, servicesOf(d));
  return out;
}

export interface QueryOptions { limit?: number; minScore?: number; excludeIds?: string[]; params?: MeasureParams; description?: string | null; dimension?: string | null; element?: string | null }

/** As-you-type: FTS5 (BM25) candidates over the normalised terms, re-scored with the similarity measure. */
export function querySimilar(db: Database.Database, text: string, opts: QueryOptions = {}): SimilarHit[] {
  const model = similarModel(db);
  const { title, body } = analyzeProgram(text, opts.description);
  if (title.length === 0) return [];
  const q: IndexedDoc = { rowid: -1, id: '', leadOpdId: '', title, body, dimension: opts.dimension ?? null, element: opts.element ?? null };
  // Terms in more than 5 % of programs make BM25 score thousands of rows for little: they are left out of the candidate
  // search when rarer terms exist (they still count in the score).
  const typed = [...title, ...body];
  const all = [...typed.filter(isConceptTerm), ...typed.filter((t) => !isConceptTerm(t))].slice(0, 30); // services first
  const rare = all.filter((t) => model.df(t) <= commonDf(model.n));
  const terms = rare.length > 0 ? rare : all;
  const lastWord = /([\p{L}\p{M}\p{N}]+)$/u.exec(foldText(text))?.[1] ?? '';
  const prefix = lastWord.length >= 3 ? lastWord : null;
  const match = [...terms.map((t) => `"${t}"`), ...(prefix && !terms.includes(prefix) ? [`"${prefix}"*`] : [])].join(' OR ');
  // candidates: BM25 over the titles' terms (a description typed with the title also searches descriptions)
  const cand = db.prepare(`SELECT rowid FROM similar_fts WHERE similar_fts MATCH ? ORDER BY rank LIMIT ${CANDIDATES}`).pluck()
    .all(body.length > 0 ? match : `{title}: (${match})`) as number[];
  const exclude = new Set(opts.excludeIds ?? []);
  const scored: Scored[] = [];
  const params = opts.params ?? DEFAULT_PARAMS;
  const pq = prepare(model, q, params);
  const rowids = db.readonly && cand.length === 0 ? [...model.docs.keys()] : cand;
  refreshAttributes(db, model, rowids);
  for (const rowid of rowids) {
    const d = model.docs.get(rowid);
    if (!d || exclude.has(d.id)) continue;
    const prepared = prepare(model, d, params);
    const s = scorePrepared(pq, prepared, params);
    if (s.score >= (opts.minScore ?? 0.15)) scored.push({ doc: d, prepared, s });
  }
  return topHits(scored, pq, opts.limit ?? 10, params);
}

/** The reference for the benchmark: the same measure over every program, no index. */
export function bruteForceSimilar(db: Database.Database, text: string, limit = 10): SimilarHit[] {
  const model = similarModel(db);
  const q = analyzeProgram(text, null);
  const pq = prepare(model, q);
  const scored: Scored[] = [];
  refreshAttributes(db, model);
  for (const d of model.docs.values()) {
    const prepared = prepare(model, d);
    const s = scorePrepared(pq, prepared);
    if (s.score >= 0.15) scored.push({ doc: d, prepared, s });
  }
  return topHits(scored, pq, limit);
}

export interface ScannedPairs extends PairList {
  /** Program ids by index (pairs refer to these indices). */
  ids: string[];
}
/** Likely duplicate pairs: `score` is the duplicate model's probability, `similarity` the pair's score (measure.ts), by
 * which pairs of equal probability are ordered (thirty small trees give many equal probabilities). */
export interface LikelyPairs extends ScannedPairs { similarity: Float64Array }

/** Every pair of live programs scoring at or above the threshold. Candidates share a title term that is not in more
 * than 5 % of all programs, at least 50 (a pair linked only by such common words never reaches the threshold in the
 * labelled pairs: checked again at 0.21 with all 16,620 of their texts and the demo as one masterplan, 4,648 flagged
 * pairs, every one a candidate);
 * each candidate pair is then scored exactly (pairScan.ts). Term weights are computed once per program. */
export function scanPairs(db: Database.Database, threshold = DEFAULT_THRESHOLD, params: MeasureParams = DEFAULT_PARAMS): ScannedPairs {
  return scan(db, threshold, params);
}

function scan(db: Database.Database, threshold: number, params: MeasureParams, judge?: (prepared: Prepared[]) => (i: number, j: number, sim: Similarity) => number): ScannedPairs {
  const model = similarModel(db);
  refreshAttributes(db, model);
  const docs = [...model.docs.values()];
  const prepared = docs.map((d) => prepare(model, d, params));
  const maxDf = commonDf(docs.length);
  const candidate = new Uint8Array(termCount());
  for (const d of docs) for (const t of d.title) {
    const id = termIdOf(t);
    if (id !== undefined && model.df(t) <= maxDf) candidate[id] = 1;
  }
  return { ...scanPreparedPairs(prepared, (id) => candidate[id] === 1, threshold, params, judge?.(prepared)), ids: docs.map((d) => d.id) };
}

/** The likely duplicates of the whole masterplan: the pairs scoring at least the candidate score, as scanPairs finds
 * them, judged by the duplicate model during the scan; those at least `threshold` probable, each with its probability
 * as its score and its similarity beside it. */
export function likelyDuplicatePairs(db: Database.Database, threshold = DUPLICATE_THRESHOLD): LikelyPairs {
  const similarity: number[] = [];
  const pairs = scan(db, CANDIDATE_SCORE, DEFAULT_PARAMS, (prepared) => {
    const sides = pairSides(prepared);
    return (i, j, sim) => {
      const p = duplicateProbability(sides[i]!, sides[j]!, sim);
      if (p < threshold) return -1;
      similarity.push(sim.score); // kept pairs come out in the order they were judged
      return p;
    };
  });
  return { ...pairs, similarity: Float64Array.from(similarity) };
}

/** Every candidate pair of the masterplan (scoring at least the candidate score, as the review's scan finds them) as
 * the duplicate model reads it: the indices of its two programs in `ids` and its features (pairFeatures.ts). The
 * duplicate model's training rows from whole masterplans (test/bench/similarity-train.ts). */
export function candidatePairFeatures(db: Database.Database): { ids: string[]; pairs: { a: number; b: number; x: Float64Array }[] } {
  const pairs: { a: number; b: number; x: Float64Array }[] = [];
  const { ids } = scan(db, CANDIDATE_SCORE, DEFAULT_PARAMS, (prepared) => {
    const sides = pairSides(prepared);
    return (i, j, sim) => { pairs.push({ a: i, b: j, x: pairFeatures(sides[i]!, sides[j]!, sim) }); return -1; };
  });
  return { ids, pairs };
}
