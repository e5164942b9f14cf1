/** The concept catalogue (concepts.json): specific smart-city services ("flood early warning", "online school
 * enrolment", "garbage truck tracking") and the rules that recognise them in a title, however it is phrased. Two
 * programs that name the same service share its concept term even when they share no word ("Early Warning System Banjir"
 * / "Pemantauan Tinggi Muka Air Sungai"). A rule is a list of slots, a slot a list of alternatives; a rule fires when
 * every slot has an alternative all of whose terms the text has. Alternatives are analysed by the same word analysis as
 * the texts (normalize.ts), so stems, variants and acronyms line up by construction. */
import catalogue from './concepts.json';
import { CONCEPT_PREFIX as PREFIX, droppedWords, wordTerms } from './normalize';

export interface ConceptEntry {
  id: string; parent: string; name: string; name_en?: string; match: string[][];
  /** Broader services this one stands for a narrower version of: when both fire, only this one counts ("JDIH Desa" is
   * the village's legal database, not the regency's JDIH as well). A rule cannot say "not desa"; this is how the
   * catalogue says it. Usually siblings (same parent), so that the two programs are kept apart. */
  overrides?: string[];
}

/** Concept terms start with a prefix that no word term has (normalize.ts); FTS5 keeps them as one token. */
export function isConceptTerm(term: string): boolean { return term.startsWith(PREFIX); }

/** The index term of a concept id ("bencana.banjir-ews" → "qqbencanabanjirews"). */
export function conceptTerm(id: string): string { return PREFIX + id.toLowerCase().replace(/[^a-z0-9]/g, ''); }

interface Rule { term: string; readonly slots: string[][][] }

export interface ConceptMatcher {
  /** The concept terms that a text's word terms name, each once. */
  terms(words: readonly string[]): string[];
  /** A concept term's parent groups (siblings, such as birth and death certificates, share one; a service written
   * under two sectors has both parents). */
  parents(term: string): readonly string[];
  /** Its id in the catalogue ("bencana.ews-banjir"). */
  id(term: string): string | undefined;
  /** The term a service id gives in a text: its own, or that of the service it was merged into. */
  term(id: string): string | undefined;
  /** Its name in Indonesian, and in English (the Indonesian one when the catalogue has none). */
  name(term: string): string | undefined;
  nameEn(term: string): string | undefined;
  concepts: number; rules: number;
  /** Alternatives left out because the analysis drops one of their words (not a function word): "smart drainase" would match
   * every drainage program, "agriculture 4.0" every farming one. And rules left with an empty slot. */
  narrowedAlternatives: string[]; droppedRules: string[];
  /** Concepts written twice under two sectors, each listed as "its name = the name of the one it became". */
  merged: string[];
  /** How many narrower services override a broader one. */
  overrides: number;
}

export function compileConcepts(entries: readonly ConceptEntry[]): ConceptMatcher {
  const info = new Map<string, { id: string; parents: string[]; name: string; nameEn: string }>();
  const rules: Rule[] = [];
  /** Rules by the anchor words of one of their slots (see below). */
  const byAnchor = new Map<string, Rule[]>();
  const m = { concepts: 0, rules: 0, narrowedAlternatives: [] as string[], droppedRules: [] as string[], merged: [] as string[] };
  const order = new Map(entries.map((c, i) => [conceptTerm(c.id), i]));
  for (const c of entries) {
    const term = conceptTerm(c.id);
    if (info.has(term)) throw new Error(`concept catalogue: two concepts give the term ${term}`);
    info.set(term, { id: c.id, parents: [c.parent], name: c.name, nameEn: c.name_en ?? c.name });
    m.concepts++;
    for (const rule of c.match) {
      const slots = rule.map((slot) => slot.split('|').map((alt) => {
        const terms = wordTerms(alt);
        const narrowed = terms.length === 0 || droppedWords(alt).length > 0;
        if (narrowed) m.narrowedAlternatives.push(`${c.id}: ${alt}`);
        return narrowed ? [] : terms;
      }).filter((terms) => terms.length > 0));
      if (slots.length === 0 || slots.some((s) => s.length === 0)) { m.droppedRules.push(`${c.id}: ${rule.join(' + ')}`); continue; }
      m.rules++;
      rules.push({ term, slots });
    }
  }
  // each rule is looked up by one slot, the one whose words are rarest in the catalogue, and each alternative of that
  // slot by its rarest word: a text's common words ("data", "sistem") then wake few rules (analysis stays ~2× words)
  const usage = new Map<string, number>();
  for (const r of rules) for (const slot of r.slots) for (const alt of slot) for (const t of alt) usage.set(t, (usage.get(t) ?? 0) + 1);
  const rarest = (alt: string[]) => alt.reduce((a, b) => (usage.get(b)! < usage.get(a)! ? b : a));
  for (const r of rules) {
    const cost = (slot: string[][]) => slot.reduce((sum, alt) => sum + usage.get(rarest(alt))!, 0);
    const slot = r.slots.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    for (const anchor of new Set(slot.map(rarest))) {
      const list = byAnchor.get(anchor);
      if (list) list.push(r); else byAnchor.set(anchor, [r]);
    }
  }
  const fires = (rule: Rule, has: ReadonlySet<string>): boolean => {
    for (const slot of rule.slots) {
      let any = false;
      for (const alt of slot) {
        let all = true;
        for (const t of alt) if (!has.has(t)) { all = false; break; }
        if (all) { any = true; break; }
      }
      if (!any) return false;
    }
    return true;
  };
  /** Broader services each service overrides (filled in once merges are known). */
  const overridden = new Map<string, string[]>();
  const match = (words: readonly string[]) => {
    const has = new Set(words);
    const out: string[] = [];
    for (const w of has) {
      const rules = byAnchor.get(w);
      if (rules) for (const r of rules) if (!out.includes(r.term) && fires(r, has)) out.push(r.term);
    }
    if (overridden.size === 0 || out.length < 2) return out;
    const dropped = new Set(out.flatMap((t) => overridden.get(t) ?? []));
    return dropped.size === 0 ? out : out.filter((t) => !dropped.has(t));
  };
  // One service written twice, under two sectors (the catalogue was written by sector: "Jaringan CCTV kota" and "CCTV
  // pemantauan publik"): each one's name fires the other. Such concepts become one (the first written), so that a
  // shared service is counted once.
  const firedByName = new Map(entries.map((c) => [conceptTerm(c.id), match(wordTerms(c.name))]));
  const sectors = new Map(entries.map((c) => [conceptTerm(c.id), c.id.split('.')[0]!]));
  const sector = (term: string) => sectors.get(term)!;
  const same = new Map<string, string>();
  const root = (t: string): string => { const u = same.get(t); return u === undefined || u === t ? t : root(u); };
  for (const [t, fired] of firedByName) for (const u of fired) {
    if (u !== t && sector(u) !== sector(t) && firedByName.get(u)!.includes(t)) {
      const rt = root(t), ru = root(u);
      const [a, b] = order.get(rt)! <= order.get(ru)! ? [rt, ru] : [ru, rt];
      if (a !== b) {
        same.set(b, a);
        m.merged.push(`${info.get(b)!.name} = ${info.get(a)!.name}`);
        const pa = info.get(a)!.parents;
        for (const x of info.get(b)!.parents) if (!pa.includes(x)) pa.push(x);
      }
    }
  }
  for (const r of rules) r.term = root(r.term);
  let overrides = 0;
  for (const c of entries) for (const id of c.overrides ?? []) {
    const broad = conceptTerm(id);
    if (!info.has(broad)) throw new Error(`concept catalogue: ${c.id} overrides unknown ${id}`);
    const narrow = root(conceptTerm(c.id)), wide = root(broad);
    if (narrow === wide) continue; // merged into one: nothing to override
    const list = overridden.get(narrow) ?? [];
    if (!list.includes(wide)) { list.push(wide); overrides++; }
    overridden.set(narrow, list);
  }
  return {
    ...m, overrides,
    terms: match,
    parents: (term) => info.get(term)?.parents ?? [],
    id: (term) => info.get(term)?.id,
    term: (id) => { const t = conceptTerm(id); return info.has(t) ? root(t) : undefined; },
    name: (term) => info.get(term)?.name,
    nameEn: (term) => info.get(term)?.nameEn,
  };
}

const entries = (catalogue as { concepts: ConceptEntry[] }).concepts;
let compiled: ConceptMatcher | undefined;
/** The catalogue that Rembuk uses, compiled on first use (about 0.8 s: every alternative is analysed). */
export function concepts(): ConceptMatcher { return (compiled ??= compileConcepts(entries)); }
/** What the concept analysis depends on, for the analysis fingerprint. */
export const CONCEPT_INPUTS = JSON.stringify(entries.map((c) => [c.id, c.parent, c.name, c.match, c.overrides ?? []])); // names decide merges

export function conceptTerms(words: readonly string[]): string[] { return concepts().terms(words); }
export function conceptParents(term: string): readonly string[] { return concepts().parents(term); }
