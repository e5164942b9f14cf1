/** The duplicate review measured as a facilitator meets it: on whole masterplans (test/data/masterplans/*.json), each
 * written blind by a helper who never saw the matcher (120 programs of 24-30 OPDs of one real region, presented OPD by
 * OPD, with 12 planted duplicate pairs across OPDs and 12 planted related pairs that share title words; every other
 * program distinct). Each is captured into a real masterplan file through the write path, and the review's clusters
 * (services/duplicates.ts `duplicateClusters`, the screen's own call) are read: which planted duplicates they hold, what
 * else they flag, and what the first screen shows. The labelled pairs measure single pairs; this measures the ranking
 * of a whole masterplan, where the short plain titles and two-clause descriptions of real tables meet (a rule that
 * passed the labelled pairs put different programs at the top of the demo's review: docs/similarity.md). Run: `npx tsx
 * test/bench/review-quality.ts` (also run in CI by test/integration/reviewQuality.test.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMasterplan } from '../../electron/core/services/masterplans';
import { createOpd } from '../../electron/core/services/opds';
import { createProgram } from '../../electron/core/services/programs';
import { duplicateClusters, similarPrograms } from '../../electron/core/services/duplicates';
import type { MasterplanDb } from '../../electron/core/db/masterplanDb';

interface PlantedPair { a: string; b: string; why: string }
export interface MasterplanSet {
  about: string; region: string;
  opds: { abbr: string; name: string }[];
  programs: { id: string; opd: string; title: string; description?: string }[];
  duplicates: PlantedPair[]; related: PlantedPair[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const MASTERPLAN_DIR = path.join(here, '../data/masterplans');
/** The training masterplans: the catalogue's masterplan round read the first three, and their candidate pairs are the
 * duplicate model's masterplan rows (test/bench/similarity-train.ts, counted MASTERPLAN_WEIGHT times: 0 for now, so
 * `--cv` only measures the model on them). The others, the seventh to twelfth, are the blind ones: never read, never
 * trained on. */
export const MODEL_MASTERPLANS: readonly string[] = [
  'masterplan01-kota-kediri.json',
  'masterplan02-kabupaten-dharmasraya.json',
  'masterplan03-kabupaten-barito-utara.json',
  'masterplan04-kota-bitung.json',
  'masterplan05-kabupaten-lombok-timur.json',
  'masterplan06-kabupaten-sumedang.json',
  'masterplan13-kabupaten-deli-serdang.json',
  'masterplan14-kabupaten-lampung-utara.json',
  'masterplan15-kota-pontianak.json',
  'masterplan16-kabupaten-kolaka.json',
  'masterplan17-kota-ambon.json',
  'masterplan18-kabupaten-banyuwangi.json',
  'masterplan19-kabupaten-bengkulu-utara.json',
  'masterplan20-kota-batam.json',
  'masterplan21-kabupaten-gorontalo.json',
  'masterplan22-kota-palu.json',
  'masterplan23-kabupaten-manggarai-barat.json',
  'masterplan24-kabupaten-bangka-barat.json',
  'masterplan25-kota-banjarmasin.json',
  'masterplan26-kota-bogor.json',
  'masterplan27-kota-madiun.json',
  'masterplan28-kabupaten-sleman.json',
  'masterplan29-kota-padang.json',
  'masterplan30-kabupaten-sorong.json',
  'masterplan31-kota-kupang.json',
  'masterplan32-kabupaten-tabalong.json',
  'masterplan33-kota-jambi.json',
  'masterplan34-kabupaten-wonosobo.json',
  'masterplan35-kota-cirebon.json',
  'masterplan36-kabupaten-bone.json',
  'masterplan37-kota-tarakan.json',
  'masterplan38-kabupaten-badung.json',
  'masterplan39-kota-ternate.json',
  'masterplan40-kabupaten-sumbawa.json',
  'masterplan41-kota-pekanbaru.json',
  'masterplan42-kabupaten-klaten.json',
  'masterplan43-kota-sukabumi.json',
  'masterplan44-kabupaten-lamongan.json',
  'masterplan45-kota-bukittinggi.json',
  'masterplan46-kabupaten-aceh-besar.json',
  'masterplan47-kota-palangka-raya.json',
  'masterplan48-kabupaten-minahasa.json',
  'masterplan49-kota-kendari.json',
  'masterplan50-kabupaten-garut.json',
  'masterplan51-kota-mataram.json',
  'masterplan52-kabupaten-flores-timur.json',
  'masterplan53-kota-jayapura.json',
  'masterplan54-kabupaten-kotawaringin-barat.json',
  'masterplan55-kota-lhokseumawe.json',
  'masterplan56-kabupaten-mimika.json',
  'masterplan57-kota-probolinggo.json',
  'masterplan58-kabupaten-agam.json',
];
/** How many clusters the review's first screen shows (the screen pages by this many). */
export const FIRST_SCREEN = 5;
/** A second reader's labels of pairs of the masterplans (its `about` says how they were read). */
export const SECOND_READER = path.join(here, '../data/masterplans-second-reader.json');
type Label = 'duplicate' | 'related' | 'unrelated';
/** A pair of a masterplan set's program ids as one key, whichever comes first. */
export const pairKey = (x: string, y: string): string => (x < y ? `${x}|${y}` : `${y}|${x}`);
function secondReader(): Map<string, Label> {
  const { labels } = JSON.parse(fs.readFileSync(SECOND_READER, 'utf8')) as { labels: { file: string; a: string; b: string; label: Label }[] };
  return new Map(labels.map((l) => [`${l.file}:${pairKey(l.a, l.b)}`, l.label]));
}

export function loadMasterplanSets(dir = MASTERPLAN_DIR): { file: string; set: MasterplanSet }[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, set: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as MasterplanSet }));
}

export interface ReviewFigures {
  file: string; region: string; programs: number;
  /** Planted duplicate pairs whose two programs sit in one cluster of the review. */
  duplicatesFound: number; duplicates: number;
  /** Planted duplicate pairs whose first program is among the five as-you-type matches of the second's title and
   * description (typed after it, as in the hall). */
  asYouType: number;
  /** Pairs the review's likely tier puts in one cluster: planted duplicates, planted related pairs, and the others
   * (programs the author meant as distinct). */
  flagged: number; flaggedDuplicates: number; flaggedRelated: number; flaggedOther: number;
  /** The "other" flagged pairs as a second reader read them (SECOND_READER): duplicates the author missed, related
   * programs, unrelated ones, and pairs the reader was never shown (flagged by a later version of the finder). */
  otherRead: { duplicate: number; related: number; unrelated: number; unread: number };
  /** The same, with the possible duplicates too (the review's whole list, duplicateModel.ts POSSIBLE_THRESHOLD). */
  possible: { duplicatesFound: number; flagged: number; flaggedDuplicates: number; flaggedRelated: number; flaggedOther: number; clusters: number };
  /** Likely clusters in all, and of the first screen's: how many hold a planted duplicate pair, and how many none. */
  clusters: number; firstScreenWithDuplicate: number; firstScreenWithout: number;
  /** The first screen's clusters that hold no planted duplicate, as titles (what a facilitator would dismiss). */
  firstScreenFalse: string[][];
}

/** A masterplan set captured into a real masterplan file through the write path, program by program in presentation
 * order (`before` sees each program just before it is added, with the ids given so far). `ids` maps the set's program
 * ids to the file's, `back` the other way; `close` closes and deletes the file. */
export function captureMasterplan({ file, set }: { file: string; set: MasterplanSet }, before?: (p: MasterplanSet['programs'][number], mp: MasterplanDb, ids: ReadonlyMap<string, string>) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-review-'));
  const mp = createMasterplan(path.join(dir, `${path.basename(file, '.json')}.sqlite`), {
    regionName: set.region.split(',')[0]!.trim(), regionKind: /^kota/i.test(set.region) ? 'kota' : 'kabupaten', province: set.region.split(',').at(-1)!.trim(),
    periodStart: 2025, periodEnd: 2034, opdTemplate: null,
  }, 'review-quality', { profile: { id: '01900000-0000-7000-8000-0000000000aa', name: 'Review quality', institution: 'Rembuk' } });
  const close = () => { mp.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  try {
    const opdIds = new Map(set.opds.map((o) => [o.abbr, createOpd(mp, { name: o.name, abbr: o.abbr }).id]));
    const ids = new Map<string, string>(), back = new Map<string, string>();
    for (const p of set.programs) {
      const opdId = opdIds.get(p.opd);
      if (!opdId) throw new Error(`${file}: program ${p.id} has an unknown OPD ${p.opd}`);
      before?.(p, mp, ids);
      const created = createProgram(mp, { leadOpdId: opdId, title: p.title, description: p.description || null });
      ids.set(p.id, created.id); back.set(created.id, p.id);
    }
    return { mp, ids, back, close };
  } catch (e) { close(); throw e; }
}

export function measureReview({ file, set }: { file: string; set: MasterplanSet }, read = secondReader()): ReviewFigures {
  // the as-you-type check types each planted pair's second program once its first is in
  const asYouTypeHits = new Set<string>();
  const second = new Map(set.duplicates.map((d) => {
    const [x, y] = set.programs.findIndex((p) => p.id === d.a) < set.programs.findIndex((p) => p.id === d.b) ? [d.a, d.b] : [d.b, d.a];
    return [y, x] as const;
  }));
  const { mp, back, close } = captureMasterplan({ file, set }, (p, db, ids) => {
    const first = second.get(p.id);
    if (first && similarPrograms(db, { text: p.title, description: p.description ?? null, limit: 5 }).some((h) => h.id === ids.get(first))) asYouTypeHits.add(p.id);
  });
  try {
    const planted = new Set(set.duplicates.map((d) => pairKey(d.a, d.b))), related = new Set(set.related.map((d) => pairKey(d.a, d.b)));
    const title = new Map(set.programs.map((p) => [p.id, `${p.title} (${p.opd})`]));
    const hasPlanted = (m: string[]) => m.some((x, i) => m.slice(i + 1).some((y) => planted.has(pairKey(x, y))));
    /** What one tier of the review (the likely duplicates alone, or the possible ones too) finds and flags. */
    const tier = (scope: 'likely' | 'all') => {
      const { clusters } = duplicateClusters(mp, { scope });
      const members = clusters.map((c) => c.programs.map((p) => back.get(p.id)!));
      const together = (x: string, y: string) => members.some((m) => m.includes(x) && m.includes(y));
      const flaggedPairs = new Set(clusters.flatMap((c) => c.pairs.map((p) => pairKey(back.get(p.a)!, back.get(p.b)!))));
      const otherRead = { duplicate: 0, related: 0, unrelated: 0, unread: 0 };
      for (const k of flaggedPairs) if (!planted.has(k) && !related.has(k)) otherRead[read.get(`${file}:${k}`) ?? 'unread']++;
      return {
        members, otherRead, duplicatesFound: set.duplicates.filter((d) => together(d.a, d.b)).length,
        flagged: flaggedPairs.size, flaggedDuplicates: [...flaggedPairs].filter((k) => planted.has(k)).length,
        flaggedRelated: [...flaggedPairs].filter((k) => related.has(k)).length,
        flaggedOther: [...flaggedPairs].filter((k) => !planted.has(k) && !related.has(k)).length, clusters: clusters.length,
      };
    };
    const likely = tier('likely'), all = tier('all');
    // the first screen is the same in both tiers: the likely clusters come first
    const firstScreen = all.members.slice(0, FIRST_SCREEN);
    return {
      file, region: set.region, programs: set.programs.length, duplicates: set.duplicates.length, asYouType: asYouTypeHits.size,
      duplicatesFound: likely.duplicatesFound, flagged: likely.flagged, flaggedDuplicates: likely.flaggedDuplicates,
      flaggedRelated: likely.flaggedRelated, flaggedOther: likely.flaggedOther, otherRead: likely.otherRead, clusters: likely.clusters,
      possible: (({ members: _members, otherRead: _otherRead, ...figures }) => figures)(all),
      firstScreenWithDuplicate: firstScreen.filter(hasPlanted).length,
      firstScreenWithout: firstScreen.filter((m) => !hasPlanted(m)).length,
      firstScreenFalse: firstScreen.filter((m) => !hasPlanted(m)).map((m) => m.map((x) => title.get(x)!)),
    };
  } finally { close(); }
}

type Totals = Omit<ReviewFigures, 'file' | 'region' | 'firstScreenFalse' | 'otherRead'>;
type Possible = ReviewFigures['possible'];
function totals(sets: ReviewFigures[]): Totals {
  const sum = (f: keyof Totals) => sets.reduce((n, s) => n + (s[f] as number), 0);
  return {
    programs: sum('programs'), duplicatesFound: sum('duplicatesFound'), duplicates: sum('duplicates'), asYouType: sum('asYouType'),
    flagged: sum('flagged'), flaggedDuplicates: sum('flaggedDuplicates'), flaggedRelated: sum('flaggedRelated'), flaggedOther: sum('flaggedOther'),
    clusters: sum('clusters'), firstScreenWithDuplicate: sum('firstScreenWithDuplicate'), firstScreenWithout: sum('firstScreenWithout'),
    possible: Object.fromEntries((Object.keys(sets[0]?.possible ?? {}) as (keyof Possible)[]).map((f) => [f, sets.reduce((n, s) => n + s.possible[f], 0)])) as Possible,
  };
}

/** Every masterplan's figures, their totals, the totals of the blind ones (not among MODEL_MASTERPLANS) and how the
 * second reader read the unplanted flagged pairs. */
export function reviewQuality(dir = MASTERPLAN_DIR): { sets: ReviewFigures[]; total: Totals; blind: Totals; blindFiles: string[]; otherRead: ReviewFigures['otherRead'] } {
  const read = secondReader();
  const sets = loadMasterplanSets(dir).map((s) => measureReview(s, read));
  const blindSets = sets.filter((s) => !MODEL_MASTERPLANS.includes(s.file));
  const otherRead = { duplicate: 0, related: 0, unrelated: 0, unread: 0 };
  for (const s of sets) for (const k of Object.keys(otherRead) as (keyof typeof otherRead)[]) otherRead[k] += s.otherRead[k];
  return { sets, total: totals(sets), blind: totals(blindSets), blindFiles: blindSets.map((s) => s.file), otherRead };
}

export function printReviewQuality(out: (s: string) => void = console.log, dir = MASTERPLAN_DIR): ReturnType<typeof reviewQuality> {
  const r = reviewQuality(dir);
  const line = (name: string, s: Totals) => out(`  ${name.padEnd(44)} planted duplicates among the likely ${s.duplicatesFound}/${s.duplicates}, with the possible ones ${s.possible.duplicatesFound}/${s.duplicates}, as you type ${s.asYouType}/${s.duplicates}; flagged pairs ${s.flagged} likely (${s.flaggedDuplicates} planted duplicates, ${s.flaggedRelated} planted related, ${s.flaggedOther} other), ${s.possible.flagged} with the possible (${s.possible.flaggedDuplicates}, ${s.possible.flaggedRelated}, ${s.possible.flaggedOther}); first screen ${s.firstScreenWithDuplicate} of ${s.firstScreenWithDuplicate + s.firstScreenWithout} clusters hold a planted duplicate`);
  out(`duplicate review on ${r.sets.length} masterplans written blind (${r.total.programs} programs; first screen = ${FIRST_SCREEN} clusters; ${r.sets.length - r.blindFiles.length} of them are training masterplans, the others blind):`);
  for (const s of r.sets) line(`${s.file} ${s.region}`.slice(0, 44), s);
  line('all', r.total);
  line(`blind (${r.blindFiles.length}: never read or trained on)`, r.blind);
  for (const [name, t] of [['all', r.total], ['blind', r.blind]] as const) {
    out(`  ${name}, likely duplicates: recall of planted duplicates ${(t.duplicatesFound / t.duplicates).toFixed(3)}; precision of flagged pairs ${(t.flaggedDuplicates / Math.max(1, t.flagged)).toFixed(3)} (${((t.flaggedDuplicates + t.flaggedRelated) / Math.max(1, t.flagged)).toFixed(3)} planted duplicates or related)`);
    const p = t.possible;
    out(`  ${name}, with the possible ones: recall ${(p.duplicatesFound / t.duplicates).toFixed(3)}; precision ${(p.flaggedDuplicates / Math.max(1, p.flagged)).toFixed(3)} (${((p.flaggedDuplicates + p.flaggedRelated) / Math.max(1, p.flagged)).toFixed(3)} planted duplicates or related)`);
  }
  const t = r.total;
  const o = r.otherRead;
  out(`  the ${t.flaggedOther} other flagged pairs, as a second reader read them: ${o.duplicate} duplicates the author missed, ${o.related} related, ${o.unrelated} unrelated, ${o.unread} not shown to the reader (the first three and the thirteenth to fifty-eighth masterplans, or pairs flagged since)`);
  // the first screens' false clusters, of the training masterplans only: the blind ones' pairs are never listed
  if (process.argv.includes('--first-screen')) for (const s of r.sets) if (!r.blindFiles.includes(s.file)) for (const c of s.firstScreenFalse) out(`    ${s.file}: ${c.join(' / ')}`);
  return r;
}

if (process.argv[1] && /review-quality\.ts$/.test(process.argv[1])) printReviewQuality(console.log, process.argv.find((a) => a.startsWith('--dir='))?.slice(6) ?? MASTERPLAN_DIR);
