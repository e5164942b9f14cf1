/** Duplicate finding and synergies: as-you-type similar programs, clusters of likely duplicates, merge / undo merge,
 * "not a duplicate" decisions, complementary (synergy) links and the OPD × OPD synergy map. Every record goes through
 * the write path, so it syncs. */
import { AppError } from '../../../shared/errors';
import { programOpdId, programPairId } from '../../../shared/entities';
import type {
  ApartReason, DuplicateCluster, MergedProgram, NotDuplicateEntry, ServiceName, SimilarProgram, SynergyLink, SynergyMap,
} from '../../../shared/api/schemas';
import { uuidv7 } from '../ids';
import type { MasterplanDb, RowChange } from '../db/masterplanDb';
import { apartReason, type ApartReason as CoreApart, type ServiceSets } from '../similarity/measure';
import { DUPLICATE_THRESHOLD, POSSIBLE_THRESHOLD, likelyDuplicate, possibleDuplicate } from '../similarity/duplicateModel';
import type Database from 'better-sqlite3';
import { likelyDuplicatePairs, programServices, querySimilar, type LikelyPairs } from '../similarity/similarIndex';
import { concepts } from '../similarity/concepts';
import { getOpd } from './opds';
import { getProgram } from './programs';

interface Info { id: string; title: string; description: string | null; leadOpdId: string; opdName: string; opdAbbr: string | null; dimension: string | null; element: string | null }

function infos(mp: MasterplanDb, ids: string[]): Map<string, Info> {
  const rows = mp.prepare(`SELECT p.id, p.title, p.description, p.lead_opd_id, o.name, o.abbr, p.dimension, p.element FROM program p JOIN opd o ON o.id = p.lead_opd_id
    WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as { id: string; title: string | null; description: string | null; lead_opd_id: string; name: string; abbr: string | null; dimension: string | null; element: string | null }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title ?? '', description: r.description || null, leadOpdId: r.lead_opd_id, opdName: r.name, opdAbbr: r.abbr, dimension: r.dimension, element: r.element }]));
}

/** Similar existing programs for what is being typed: other OPDs first, then the same OPD; each with its score. */
export function similarPrograms(mp: MasterplanDb, input: { text: string; opdId?: string; limit?: number; description?: string | null; excludeId?: string }): SimilarProgram[] {
  const limit = input.limit ?? 5;
  const hits = querySimilar(mp.db, input.text, { limit: limit * 3, description: input.description, excludeIds: input.excludeId ? [input.excludeId] : [] });
  const info = infos(mp, hits.map((h) => h.programId));
  const out = hits.flatMap((h) => {
    const i = info.get(h.programId);
    return i ? [{ ...i, score: h.score, sameOpd: !!input.opdId && i.leadOpdId === input.opdId, likelyDuplicate: likelyDuplicate(h.duplicate), possibleDuplicate: possibleDuplicate(h.duplicate), duplicate: h.duplicate, services: serviceNames(h.concepts), apart: apartNames(h.apart) }] : [];
  });
  out.sort((a, b) => Number(a.sameOpd) - Number(b.sameOpd) || b.score - a.score);
  return out.slice(0, limit);
}

/** Services (concept terms) with their names in Indonesian and English. */
function serviceNames(terms: readonly string[]): ServiceName[] {
  const c = concepts();
  return terms.flatMap((t) => { const id = c.id(t); return id ? [{ id, name: c.name(t)!, nameEn: c.nameEn(t)! }] : []; });
}

/** Why two titles say they are different things, with the services named. */
function apartNames(r: CoreApart | null): ApartReason | null {
  if (!r) return null;
  return r.kind === 'siblings' ? { kind: 'siblings', a: serviceNames(r.a), b: serviceNames(r.b) } : { kind: 'activities', a: [...r.a], b: [...r.b] };
}

/** Pairs a person has already decided on (not a duplicate, merged, or linked as complementary): never shown again. */
function decidedPairs(mp: MasterplanDb): { a: string; b: string }[] {
  return mp.prepare(`SELECT program_a_id AS a, program_b_id AS b FROM duplicate_decision WHERE deleted = 0
    UNION ALL SELECT program_a_id, program_b_id FROM synergy WHERE deleted = 0`).all() as { a: string; b: string }[];
}

/** Members (program indices), and the group's strongest pair (the one that founded it: pairs are taken in falling
 * order). */
interface Group { ids: number[]; top: number }
interface Grouping { scan: LikelyPairs; groups: Group[]; score: Map<number, number>; key(i: number, j: number): number }
/** A scan of the whole masterplan (pairs at least `threshold` probable), the change-log position it was made at, and
 * its groupings by the threshold they were made from (the likely pairs alone, or the possible ones too). */
interface Scanned { version: string; threshold: number; scan: LikelyPairs; groupings: Map<number, Grouping> }

/** The last scan per open file: asking for the next page of the review, switching between likely and possible
 * duplicates, or opening the review again without an edit in between, reuses it instead of scanning 10,000 programs
 * again. */
const scans = new WeakMap<Database.Database, Scanned>();
/** Counts whole-masterplan scans and groupings (for tests). */
export const clusterStats = { scans: 0, groupings: 0 };

function grouping(mp: MasterplanDb, threshold: number): Grouping {
  // every change (programs, decisions, links; local or synced) goes through the write path into the change log
  const version = String(mp.prepare('SELECT max(rowid) FROM change_log').pluck().get() as number | null);
  let scanned = scans.get(mp.db);
  if (scanned?.version !== version || scanned.threshold > threshold) {
    // the old scan (hundreds of thousands of pairs in a large masterplan) is let go before the new one is made
    scans.delete(mp.db);
    clusterStats.scans++;
    const at = Math.min(threshold, POSSIBLE_THRESHOLD);
    scanned = { version, threshold: at, scan: likelyDuplicatePairs(mp.db, at), groupings: new Map() };
    scans.set(mp.db, scanned);
  }
  const cached = scanned.groupings.get(threshold);
  if (cached) return cached;
  clusterStats.groupings++;
  const { scan } = scanned;
  const n = scan.ids.length;
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const indexOf = new Map(scan.ids.map((id, i) => [id, i]));
  const decided = new Set<number>();
  for (const d of decidedPairs(mp)) {
    const i = indexOf.get(d.a), j = indexOf.get(d.b);
    if (i !== undefined && j !== undefined) decided.add(key(i, j));
  }
  const score = new Map<number, number>();
  const order: number[] = [];
  for (let k = 0; k < scan.count; k++) {
    if (scan.score[k]! < threshold) continue;
    const pk = key(scan.a[k]!, scan.b[k]!);
    if (decided.has(pk)) continue;
    score.set(pk, scan.score[k]!);
    order.push(k);
  }
  // Complete linkage, strongest pairs first: a program joins a cluster only if it is similar to every member, so a
  // chain of loosely similar programs never becomes one giant cluster.
  // the most probable first; of equally probable pairs, the more similar
  const stronger = (x: number, y: number) => scan.score[y]! - scan.score[x]! || scan.similarity[y]! - scan.similarity[x]!;
  order.sort(stronger);
  /** Clusters of the pairs `of` (strongest first), every member's pair with every other at least `floor` probable. */
  const link = (of: number[], floor: number): Group[] => {
    const clusterOf = new Map<number, Group>();
    const loose: Group[] = [];
    for (const k of of) {
      const a = scan.a[k]!, b = scan.b[k]!;
      const ca = clusterOf.get(a), cb = clusterOf.get(b);
      if (ca && cb) { if (ca !== cb) loose.push({ ids: [a, b], top: k }); continue; }
      if (!ca && !cb) { const g = { ids: [a, b], top: k }; clusterOf.set(a, g); clusterOf.set(b, g); continue; }
      const [g, newcomer] = ca ? [ca, b] : [cb!, a];
      if (g.ids.every((m) => (score.get(key(m, newcomer)) ?? -1) >= floor)) {
        g.ids.push(newcomer); clusterOf.set(newcomer, g);
      } else loose.push({ ids: [a, b], top: k }); // a pair is never hidden: it is shown on its own
    }
    // strongest first, then the larger
    return [...new Set(clusterOf.values()), ...loose].sort((x, y) => stronger(x.top, y.top) || y.ids.length - x.ids.length);
  };
  // the likely duplicates are clustered among themselves, exactly as the likely tier alone shows them; the possible
  // ones after them, among themselves (a program can be a likely duplicate of one program and a possible one of another)
  const likelyFloor = Math.max(threshold, DUPLICATE_THRESHOLD);
  const split = order.findIndex((k) => scan.score[k]! < likelyFloor);
  const groups = split < 0 ? link(order, likelyFloor)
    : [...link(order.slice(0, split), likelyFloor), ...link(order.slice(split), threshold)];
  const result = { scan, groups, score, key };
  scanned.groupings.set(threshold, result);
  return result;
}

/** Clusters of duplicates across the masterplan, strongest first: the first `limit` of them, how many there are
 * (`total`), and how many are likely (their strongest pair at least `likelyFrom`, DUPLICATE_THRESHOLD, probable) and
 * possible too (`counts`). The likely clusters come first and are clustered among themselves, so `scope` 'likely' shows
 * exactly the first `counts.likely` clusters of 'all' (the default, POSSIBLE_THRESHOLD); a `threshold` lowers or
 * raises the floor of 'all'. Works on program indices and numeric pair keys (at 10,000 programs the scan can return
 * 100,000 pairs), and builds the full records only for the clusters returned. */
export function duplicateClusters(mp: MasterplanDb, opts: { limit?: number; threshold?: number; scope?: 'likely' | 'all' } = {}): { clusters: DuplicateCluster[]; total: number; counts: { likely: number; all: number }; likelyFrom: number } {
  const limit = opts.limit ?? Infinity;
  const { scan, groups: every, score, key } = grouping(mp, opts.threshold ?? POSSIBLE_THRESHOLD);
  const likelyCount = every.findIndex((g) => !likelyDuplicate(scan.score[g.top]!));
  const counts = { likely: likelyCount < 0 ? every.length : likelyCount, all: every.length };
  const groups = opts.scope === 'likely' ? every.slice(0, counts.likely) : every;
  const shown = groups.slice(0, limit);
  const info = infos(mp, shown.flatMap((g) => g.ids.map((i) => scan.ids[i]!)));
  const named = programServices(mp.db, shown.flatMap((g) => g.ids.map((i) => scan.ids[i]!)));
  const clusters = shown.map((g): DuplicateCluster => {
    const programs = g.ids.map((i) => info.get(scan.ids[i]!)).filter((x): x is Info => !!x);
    const pairs = g.ids.flatMap((x, xi) => g.ids.slice(xi + 1).flatMap((y) => {
      const s = score.get(key(x, y));
      return s === undefined ? [] : [{ a: scan.ids[x]!, b: scan.ids[y]!, score: s }];
    })).sort((p, q) => q.score - p.score);
    return {
      // its members, sorted: a loose pair and a cluster can share a program, never all their members
      id: g.ids.map((i) => scan.ids[i]!).sort().join('+'), strength: scan.score[g.top]!, likely: likelyDuplicate(scan.score[g.top]!), programs,
      pairs: pairs.slice(0, 50), opdCount: new Set(programs.map((p) => p.leadOpdId)).size,
      // the services every member names: why they were grouped, even when their titles share no word
      services: serviceNames(programs.reduce<readonly string[] | null>((acc, p) => { const c = named.get(p.id)?.all ?? []; return acc === null ? c : acc.filter((x) => c.includes(x)); }, null) ?? []),
      apart: clusterApart(pairs, named),
    };
  });
  return { clusters, total: groups.length, counts, likelyFrom: DUPLICATE_THRESHOLD };
}

/** The strongest pair of a cluster whose titles say they are different things, and why (null: none). */
function clusterApart(pairs: readonly { a: string; b: string }[], named: Map<string, ServiceSets>): DuplicateCluster['apart'] {
  for (const p of pairs) {
    const a = named.get(p.a), b = named.get(p.b);
    const reason = a && b ? apartNames(apartReason(a, b)) : null;
    if (reason) return { a: p.a, b: p.b, reason };
  }
  return null;
}

interface MergeRecord { survivorId: string; mergedIds: string[]; previousLeadOpdId: string; addedLinks: string[]; removedLinks: string[] }

/** Merge: the survivor stays (with the chosen lead OPD); every other program's lead OPD becomes a related OPD of the
 * survivor; the others are tombstoned with `mergedIntoId`, so their texts and history stay reachable. One write. */
export function mergePrograms(mp: MasterplanDb, input: { survivorId: string; otherIds: string[]; leadOpdId?: string; note?: string | null }): { mergeId: string; survivor: ReturnType<typeof getProgram> } {
  const survivor = getProgram(mp, input.survivorId, false);
  const others = [...new Set(input.otherIds)].filter((id) => id !== input.survivorId).map((id) => getProgram(mp, id, false));
  if (others.length === 0) throw new AppError('MERGE_NEEDS_TWO', {}, 'otherIds');
  const lead = input.leadOpdId ?? survivor.leadOpdId;
  getOpd(mp, lead);
  const involvedOpds = new Set([survivor.leadOpdId, ...others.map((o) => o.leadOpdId)]);
  if (!involvedOpds.has(lead)) throw new AppError('MERGE_LEAD_NOT_INVOLVED', {}, 'leadOpdId');
  const mergeId = uuidv7();
  const changes: RowChange[] = [];
  if (lead !== survivor.leadOpdId) changes.push({ entity: 'program', id: survivor.id, set: { leadOpdId: lead } });
  const existing = new Map((mp.prepare('SELECT opd_id, deleted FROM program_opd WHERE program_id = ?').all(survivor.id) as { opd_id: string; deleted: number }[]).map((r) => [r.opd_id, r.deleted]));
  const wanted = new Set([...involvedOpds, ...others.flatMap((o) => o.relatedOpdIds)]);
  wanted.delete(lead);
  const addedLinks: string[] = [];
  for (const opd of wanted) {
    const id = programOpdId(survivor.id, opd);
    const state = existing.get(opd);
    if (state === 0) continue; // already related
    changes.push(state === undefined ? { entity: 'programOpd', id, set: { programId: survivor.id, opdId: opd } } : { entity: 'programOpd', id, restore: true });
    addedLinks.push(id);
  }
  // a former lead that is now related would appear twice: the new lead is never also "related"
  const removedLinks: string[] = [];
  if (existing.get(lead) === 0) { removedLinks.push(programOpdId(survivor.id, lead)); changes.push({ entity: 'programOpd', id: removedLinks[0]!, delete: true }); }
  const record: MergeRecord = { survivorId: survivor.id, mergedIds: others.map((o) => o.id), previousLeadOpdId: survivor.leadOpdId, addedLinks, removedLinks };
  for (const o of others) {
    changes.push({ entity: 'program', id: o.id, set: { mergedIntoId: survivor.id }, delete: true });
    const decisionId = programPairId(survivor.id, o.id);
    const decision = { programAId: survivor.id, programBId: o.id, decision: 'merged', note: input.note ?? null, mergeId, mergeRecord: JSON.stringify(record) };
    changes.push(mp.getRow('duplicateDecision', decisionId) ? { entity: 'duplicateDecision', id: decisionId, set: decision, restore: true } : { entity: 'duplicateDecision', id: decisionId, set: decision });
  }
  mp.write(changes);
  return { mergeId, survivor: getProgram(mp, survivor.id) };
}

/** Undo a merge exactly: the merged programs come back, the links the merge added go, the lead OPD is restored. */
export function undoMerge(mp: MasterplanDb, mergeId: string): ReturnType<typeof getProgram> {
  const rows = mp.prepare("SELECT id, merge_record FROM duplicate_decision WHERE merge_id = ? AND decision = 'merged' AND deleted = 0").all(mergeId) as { id: string; merge_record: string }[];
  if (rows.length === 0) throw new AppError('MERGE_NOT_FOUND', {}, 'mergeId');
  const record = JSON.parse(rows[0]!.merge_record) as MergeRecord;
  const survivor = getProgram(mp, record.survivorId);
  const changes: RowChange[] = [];
  for (const id of record.mergedIds) changes.push({ entity: 'program', id, set: { mergedIntoId: null }, restore: true });
  for (const id of record.addedLinks) changes.push({ entity: 'programOpd', id, delete: true });
  for (const id of record.removedLinks) changes.push({ entity: 'programOpd', id, restore: true });
  if (survivor.leadOpdId !== record.previousLeadOpdId) changes.push({ entity: 'program', id: survivor.id, set: { leadOpdId: record.previousLeadOpdId } });
  for (const r of rows) changes.push({ entity: 'duplicateDecision', id: r.id, delete: true });
  mp.write(changes);
  return getProgram(mp, survivor.id);
}

/** The programs merged into a program (merges not undone), the latest first: their texts, their OPD as it was, the merge
 * (to undo it) and its note; and those merged into them (two laptops merging p into q and q into r leave p merged into
 * a program that was merged itself: it is listed under r too). Their history stays in the change log
 * (`program.history` of their id). */
export function mergedInto(mp: MasterplanDb, programId: string): MergedProgram[] {
  getProgram(mp, programId);
  const rows = mp.prepare(`WITH RECURSIVE merged(id) AS (
      SELECT id FROM program WHERE merged_into_id = @id AND deleted = 1
      UNION SELECT p.id FROM program p JOIN merged m ON p.merged_into_id = m.id WHERE p.deleted = 1 AND p.id <> @id)
    SELECT p.id, p.title, p.description, p.lead_opd_id, o.name, o.abbr, d.merge_id, d.note FROM program p
    JOIN merged USING (id) JOIN opd o ON o.id = p.lead_opd_id
    LEFT JOIN duplicate_decision d ON d.program_a_id = p.merged_into_id AND d.program_b_id = p.id AND d.decision = 'merged' AND d.deleted = 0
    ORDER BY p.updated_stamp DESC, p.id`).all({ id: programId }) as
    { id: string; title: string | null; description: string | null; lead_opd_id: string; name: string; abbr: string | null; merge_id: string | null; note: string | null }[];
  return rows.map((r) => ({ id: r.id, title: r.title ?? '', description: r.description || null, leadOpdId: r.lead_opd_id, opdName: r.name, opdAbbr: r.abbr, mergeId: r.merge_id, note: r.note }));
}

/** Two facilitators who merged the same programs each the other way round (one kept p and merged q into it, the other
 * kept q and merged p) leave, once their work meets, every program of that cycle merged away: none would be left. The
 * merge decided last (the pair's decision as it stands once the copies agree) wins: its survivor comes back, as on the
 * laptop that made it. Every copy that meets both merges makes the same repair, so the copies still agree. Run after an
 * import; returns the programs brought back. */
export function repairCrossedMerges(mp: MasterplanDb): string[] {
  const into = new Map((mp.prepare('SELECT id, merged_into_id FROM program WHERE deleted = 1 AND merged_into_id IS NOT NULL').raw().all() as [string, string][]));
  const lastMerge = mp.prepare(`SELECT program_a_id FROM duplicate_decision WHERE decision = 'merged' AND deleted = 0
    AND program_a_id IN (SELECT value FROM json_each(?)) AND program_b_id IN (SELECT value FROM json_each(?)) ORDER BY updated_stamp DESC, id LIMIT 1`).pluck();
  const done = new Set<string>(), kept: string[] = [];
  for (const start of into.keys()) {
    // follow start → the program it was merged into → …: a chain ends at a live program, or comes back on itself
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !done.has(at) && !chain.includes(at)) { chain.push(at); at = into.get(at); }
    for (const id of chain) done.add(id);
    if (at === undefined || !chain.includes(at)) continue;
    const cycle = JSON.stringify(chain.slice(chain.indexOf(at)));
    kept.push((lastMerge.get(cycle, cycle) as string | undefined) ?? chain.slice(chain.indexOf(at)).sort()[0]!);
  }
  if (kept.length > 0) mp.write(kept.map((id): RowChange => ({ entity: 'program', id, set: { mergedIntoId: null }, restore: true })));
  return kept;
}

/** Merges that can still be undone, newest first. */
export function listMerges(mp: MasterplanDb): { mergeId: string; survivorId: string; survivorTitle: string; mergedTitles: string[] }[] {
  const rows = mp.prepare(`SELECT d.merge_id, d.program_a_id, d.program_b_id, a.title AS at, b.title AS bt FROM duplicate_decision d
    JOIN program a ON a.id = d.program_a_id JOIN program b ON b.id = d.program_b_id
    WHERE d.decision = 'merged' AND d.deleted = 0 ORDER BY d.updated_stamp DESC`).all() as { merge_id: string; program_a_id: string; program_b_id: string; at: string; bt: string }[];
  const out = new Map<string, { mergeId: string; survivorId: string; survivorTitle: string; mergedTitles: string[] }>();
  for (const r of rows) {
    let m = out.get(r.merge_id);
    if (!m) out.set(r.merge_id, m = { mergeId: r.merge_id, survivorId: r.program_a_id, survivorTitle: r.at, mergedTitles: [] });
    m.mergedTitles.push(r.bt);
  }
  return [...out.values()];
}

/** "Not a duplicate": remembered for every pair of the given programs, never shown again. */
export function markNotDuplicate(mp: MasterplanDb, programIds: string[], note?: string | null): void {
  const ids = [...new Set(programIds)];
  if (ids.length < 2) throw new AppError('MERGE_NEEDS_TWO', {}, 'programIds');
  for (const id of ids) getProgram(mp, id);
  const changes: RowChange[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const id = programPairId(ids[i]!, ids[j]!);
    const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
    const set = { programAId: a, programBId: b, decision: 'not-duplicate', note: note ?? null };
    changes.push(mp.getRow('duplicateDecision', id) ? { entity: 'duplicateDecision', id, set, restore: true } : { entity: 'duplicateDecision', id, set });
  }
  mp.write(changes);
}

/** Takes "not a duplicate" back for every pair of the given programs that has it: the review shows them again. */
export function undoNotDuplicate(mp: MasterplanDb, programIds: string[]): void {
  const ids = [...new Set(programIds)];
  if (ids.length < 2) throw new AppError('MERGE_NEEDS_TWO', {}, 'programIds');
  const changes: RowChange[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
    const id = programPairId(ids[i]!, ids[j]!);
    const r = mp.getRow('duplicateDecision', id);
    if (r && !r.deleted && r.decision === 'not-duplicate') changes.push({ entity: 'duplicateDecision', id, delete: true });
  }
  if (changes.length === 0) throw new AppError('NOT_FOUND', { entity: 'duplicateDecision', id: ids.join('+') });
  mp.write(changes);
}

/** The pairs marked "not a duplicate" whose programs both live, the latest first: what the review no longer shows. */
export function listNotDuplicates(mp: MasterplanDb): NotDuplicateEntry[] {
  const rows = mp.prepare(`SELECT d.id, d.program_a_id AS a, d.program_b_id AS b, d.note FROM duplicate_decision d
    JOIN program pa ON pa.id = d.program_a_id JOIN program pb ON pb.id = d.program_b_id
    WHERE d.decision = 'not-duplicate' AND d.deleted = 0 AND pa.deleted = 0 AND pb.deleted = 0 ORDER BY d.updated_stamp DESC, d.id`).all() as { id: string; a: string; b: string; note: string | null }[];
  const info = infos(mp, rows.flatMap((r) => [r.a, r.b]));
  return rows.map((r) => ({ id: r.id, note: r.note, a: linkSide(info, r.a), b: linkSide(info, r.b) }));
}

/** A program as a synergy link or a decision names it: title and lead OPD. */
function linkSide(info: Map<string, Info>, pid: string): SynergyLink['a'] {
  const i = info.get(pid)!;
  return { id: pid, title: i.title, leadOpdId: i.leadOpdId, opdName: i.opdName, opdAbbr: i.opdAbbr };
}

function toLink(mp: MasterplanDb, id: string): SynergyLink {
  const r = mp.getRow('synergy', id)!;
  const info = infos(mp, [r.programAId as string, r.programBId as string]);
  return { id, kind: (r.kind as string) ?? 'complementary', note: r.note as string | null, roleA: r.roleA as string | null, roleB: r.roleB as string | null, a: linkSide(info, r.programAId as string), b: linkSide(info, r.programBId as string) };
}

/** Link two programs as complementary, with a note on each OPD's role. Linking again updates the note and roles. */
export function linkSynergy(mp: MasterplanDb, input: { programAId: string; programBId: string; note?: string | null; roleA?: string | null; roleB?: string | null }): SynergyLink {
  if (input.programAId === input.programBId) throw new AppError('SYNERGY_SAME_PROGRAM', {}, 'programBId');
  getProgram(mp, input.programAId, false);
  getProgram(mp, input.programBId, false);
  const swap = input.programAId > input.programBId;
  const a = swap ? input.programBId : input.programAId, b = swap ? input.programAId : input.programBId;
  const roleA = swap ? input.roleB : input.roleA, roleB = swap ? input.roleA : input.roleB;
  const id = programPairId(a, b);
  const set = { programAId: a, programBId: b, kind: 'complementary', note: input.note ?? null, roleA: roleA ?? null, roleB: roleB ?? null };
  mp.write([mp.getRow('synergy', id) ? { entity: 'synergy', id, set, restore: true } : { entity: 'synergy', id, set }]);
  return toLink(mp, id);
}

export function unlinkSynergy(mp: MasterplanDb, id: string): void {
  const r = mp.getRow('synergy', id);
  if (!r || r.deleted) throw new AppError('NOT_FOUND', { entity: 'synergy', id });
  mp.write([{ entity: 'synergy', id, delete: true }]);
}

/** Synergy links (of one program, or all), between live programs. */
export function listSynergies(mp: MasterplanDb, programId?: string): SynergyLink[] {
  const ids = (programId
    ? mp.prepare(`SELECT s.id FROM synergy s JOIN program a ON a.id = s.program_a_id JOIN program b ON b.id = s.program_b_id
        WHERE s.deleted = 0 AND a.deleted = 0 AND b.deleted = 0 AND (s.program_a_id = ? OR s.program_b_id = ?) ORDER BY s.created_stamp`).pluck().all(programId, programId)
    : mp.prepare(`SELECT s.id FROM synergy s JOIN program a ON a.id = s.program_a_id JOIN program b ON b.id = s.program_b_id
        WHERE s.deleted = 0 AND a.deleted = 0 AND b.deleted = 0 ORDER BY s.created_stamp`).pluck().all()) as string[];
  return ids.map((id) => toLink(mp, id));
}

/** OPD × OPD: the programs two OPDs share (one leads, the other is related: e.g. after a merge), by title, and how
 * many complementary links join their programs. */
export function synergyMap(mp: MasterplanDb): SynergyMap {
  const opds = mp.prepare('SELECT id, name, abbr FROM opd WHERE deleted = 0 ORDER BY sort_order').all() as { id: string; name: string; abbr: string | null }[];
  type Cell = SynergyMap['cells'][number];
  const cells = new Map<string, Cell>();
  const cellOf = (x: string, y: string): Cell | null => {
    if (x === y) return null;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}|${b}`;
    let c = cells.get(key);
    if (!c) cells.set(key, c = { a, b, shared: [], complementary: 0 });
    return c;
  };
  for (const r of mp.prepare(`SELECT p.id, p.title, p.lead_opd_id AS a, po.opd_id AS b FROM program_opd po JOIN program p ON p.id = po.program_id
      WHERE po.deleted = 0 AND p.deleted = 0 ORDER BY p.title, p.id`).all() as { id: string; title: string | null; a: string; b: string }[]) {
    const c = cellOf(r.a, r.b);
    c?.shared.push({ id: r.id, title: r.title ?? '', leadOpdId: r.a });
  }
  for (const r of mp.prepare(`SELECT a.lead_opd_id AS a, b.lead_opd_id AS b FROM synergy s JOIN program a ON a.id = s.program_a_id JOIN program b ON b.id = s.program_b_id
      WHERE s.deleted = 0 AND a.deleted = 0 AND b.deleted = 0`).all() as { a: string; b: string }[]) {
    const c = cellOf(r.a, r.b);
    if (c) c.complementary++;
  }
  const active = new Set<string>();
  for (const c of cells.values()) { active.add(c.a); active.add(c.b); }
  return { opds: opds.filter((o) => active.has(o.id)).map((o) => ({ id: o.id, name: o.name, abbr: o.abbr })), cells: [...cells.values()] };
}
