/** zod schemas of the domain: what the API accepts and returns. Text is cleaned on the way in (control characters
 * removed, NFC), so nothing that XML or SQLite tools reject ever reaches the database. */
import { z } from 'zod';
import { cleanLine, cleanText } from '../text';
import { MAX_RUPIAH, parseRupiah } from '../rupiah';
import { isIsoDate } from '../dates';
import { DIMENSION_IDS, FUNDING_IDS, HORIZON_IDS, OPD_KINDS, PRESENTATION_STATES, STATUS_IDS } from '../reference';
import { CHAPTER_KEYS, NARRATIVE_KEYS, PAPERS, type NarrativeSection } from '../export';

export const LIMITS = { title: 500, name: 300, short: 1000, long: 50_000 } as const;

/** Guard against absurd input before cleaning; the real limits (and their sentences) come after cleaning. */
const RAW_CAP = 2_000_000;

export const Id = z.string().min(1).max(200).regex(/^[0-9A-Za-z:_-]+$/);
const line = (max: number) => z.string().max(RAW_CAP).transform(cleanLine).pipe(z.string().max(max));
const requiredLine = (max: number) => z.string().max(RAW_CAP).transform(cleanLine).pipe(z.string().min(1).max(max));
const text = (max: number) => z.string().max(RAW_CAP).transform(cleanText).pipe(z.string().max(max));
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
export const Year = z.number().int().min(1900).max(2200);
const IsoDate = z.string().refine(isIsoDate, { params: { code: 'FIELD_INVALID' } });
const IsoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { params: { code: 'FIELD_INVALID' } });

/** Budget: a whole number of rupiah, or text the way people say it ("1,5 M", "250 jt"). */
export const Budget = z.union([z.number(), z.string(), z.null()]).transform((v, ctx) => {
  if (v === null) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) { ctx.addIssue({ code: 'custom', params: { code: 'BUDGET_INVALID' } }); return z.NEVER; }
    if (v < 0) { ctx.addIssue({ code: 'custom', params: { code: 'BUDGET_NEGATIVE' } }); return z.NEVER; }
    if (v > MAX_RUPIAH) { ctx.addIssue({ code: 'custom', params: { code: 'BUDGET_TOO_LARGE' } }); return z.NEVER; }
    return Math.round(v);
  }
  const r = parseRupiah(v);
  if (r.ok) return r.value;
  const code = r.reason === 'negative' ? 'BUDGET_NEGATIVE' : r.reason === 'too-large' ? 'BUDGET_TOO_LARGE' : 'BUDGET_INVALID';
  ctx.addIssue({ code: 'custom', params: { code, input: v.slice(0, 40) } });
  return z.NEVER;
});

// ---------- masterplan ----------
export const RegionKind = z.enum(['kota', 'kabupaten']);
export const MasterplanFields = z.object({
  title: requiredLine(LIMITS.title),
  regionName: requiredLine(LIMITS.name),
  regionKind: RegionKind,
  province: line(LIMITS.name),
  periodStart: Year,
  periodEnd: Year,
});
export const Masterplan = z.object({
  id: z.string(), title: z.string(), regionName: z.string(), regionKind: z.string(), province: z.string().nullable(),
  periodStart: z.number().nullable(), periodEnd: z.number().nullable(),
});
export type Masterplan = z.infer<typeof Masterplan>;

export const MasterplanInfo = z.object({
  masterplan: Masterplan,
  path: z.string(),
  deviceId: z.string(),
  counts: z.object({ opds: z.number(), sessions: z.number(), presentations: z.number(), programs: z.number(), changes: z.number(), conflicts: z.number() }),
});
export type MasterplanInfo = z.infer<typeof MasterplanInfo>;

// ---------- app ----------
export const Language = z.enum(['id', 'en']);
export const Profile = z.object({ id: z.string(), name: requiredLine(LIMITS.name), institution: line(LIMITS.name) });
export type Profile = z.infer<typeof Profile>;
export const RecentEntry = z.object({ path: z.string(), title: z.string(), openedAt: z.string(), exists: z.boolean() });
export type RecentEntry = z.infer<typeof RecentEntry>;
export const AppState = z.object({
  version: z.string(),
  profile: Profile.nullable(),
  language: Language,
  recent: z.array(RecentEntry),
  current: MasterplanInfo.nullable(),
  dataDir: z.string(),
  canPickFiles: z.boolean(),
});
export type AppState = z.infer<typeof AppState>;

// ---------- OPD ----------
export const OpdKind = enumOf(OPD_KINDS);
export const OpdFields = z.object({ name: requiredLine(LIMITS.name), abbr: line(60), kind: OpdKind });
export const Opd = z.object({
  id: z.string(), name: z.string(), abbr: z.string().nullable(), kind: z.string().nullable(), sortOrder: z.number(),
  programCount: z.number(),
});
export type Opd = z.infer<typeof Opd>;

// ---------- Bimtek session ----------
export const Stage = z.number().int().min(1).max(4);
export const SessionFields = z.object({
  stage: Stage,
  title: line(LIMITS.title),
  dateStart: IsoDate.nullable(),
  dateEnd: IsoDate.nullable(),
  venue: line(LIMITS.name),
  notes: text(LIMITS.long),
});
export const Session = z.object({
  id: z.string(), stage: z.number(), title: z.string().nullable(), dateStart: z.string().nullable(),
  dateEnd: z.string().nullable(), venue: z.string().nullable(), notes: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

// ---------- presentation ----------
export const PresentationState = enumOf(PRESENTATION_STATES);
export const PresentationFields = z.object({
  presenterName: line(LIMITS.name),
  presenterPosition: line(LIMITS.name),
  summary: text(LIMITS.long),
  recommendations: text(LIMITS.long),
  startedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
});
export const Presentation = z.object({
  id: z.string(), sessionId: z.string(), opdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable(),
  presenterName: z.string().nullable(), presenterPosition: z.string().nullable(), startedAt: z.string().nullable(),
  endedAt: z.string().nullable(), summary: z.string().nullable(), recommendations: z.string().nullable(),
  agendaOrder: z.number(), state: PresentationState, programCount: z.number(),
});
export type Presentation = z.infer<typeof Presentation>;

// ---------- program ----------
export const ProgramFields = z.object({
  leadOpdId: Id,
  presentationId: Id.nullable(),
  title: requiredLine(LIMITS.title),
  description: text(LIMITS.long),
  dimension: enumOf(DIMENSION_IDS).nullable(),
  element: z.string().max(60).nullable(),
  horizon: enumOf(HORIZON_IDS).nullable(),
  quickWin: z.boolean(),
  startYear: Year.nullable(),
  endYear: Year.nullable(),
  budget: Budget,
  funding: enumOf(FUNDING_IDS).nullable(),
  outputs: text(LIMITS.long),
  rpjmdRef: text(LIMITS.short),
  status: enumOf(STATUS_IDS),
  notes: text(LIMITS.long),
});
export type ProgramFieldsInput = z.input<typeof ProgramFields>;
export const ProgramCreate = ProgramFields.partial().required({ leadOpdId: true, title: true }).extend({
  relatedOpdIds: z.array(Id).max(100).optional(),
});
export const Program = z.object({
  id: z.string(), leadOpdId: z.string(), presentationId: z.string().nullable(), title: z.string(),
  description: z.string().nullable(), dimension: z.string().nullable(), element: z.string().nullable(),
  horizon: z.string().nullable(), quickWin: z.boolean(), startYear: z.number().nullable(), endYear: z.number().nullable(),
  budget: z.number().nullable(), funding: z.string().nullable(), outputs: z.string().nullable(),
  rpjmdRef: z.string().nullable(), status: z.string(), notes: z.string().nullable(), deleted: z.boolean(),
  relatedOpdIds: z.array(z.string()), createdAt: z.string().nullable(), updatedAt: z.string().nullable(),
});
export type Program = z.infer<typeof Program>;

/** Compact row for the programs table (thousands at once). */
export const ProgramRow = z.object({
  id: z.string(), title: z.string(), leadOpdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable(),
  dimension: z.string().nullable(), element: z.string().nullable(), horizon: z.string().nullable(), quickWin: z.boolean(),
  startYear: z.number().nullable(), endYear: z.number().nullable(), budget: z.number().nullable(),
  funding: z.string().nullable(), status: z.string(), deleted: z.boolean(),
});
export type ProgramRow = z.infer<typeof ProgramRow>;

export const ProgramFilter = z.object({
  opdId: Id.optional(),
  dimension: enumOf(DIMENSION_IDS).optional(),
  horizon: enumOf(HORIZON_IDS).optional(),
  status: enumOf(STATUS_IDS).optional(),
  quickWin: z.boolean().optional(),
  search: z.string().max(500).optional(),
  includeDeleted: z.boolean().optional(),
});
export type ProgramFilter = z.infer<typeof ProgramFilter>;

export const HistoryEntry = z.object({
  stamp: z.string(), at: z.string(), deviceId: z.string(), author: z.string().nullable(), entity: z.string(), rowId: z.string(),
  field: z.string(), value: z.unknown(), previous: z.unknown(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

// ---------- sync ----------
const IncomingBytes = z.object({ fileName: z.string().min(1).max(500), base64: z.string().min(1).max(90_000_000) });
const IncomingPath = z.object({ path: z.string().min(1).max(4096) });
/** A colleague's file: its bytes (chosen or dropped in the window) or its path (opened by double-click). */
export const IncomingFile = z.union([IncomingBytes.strict(), IncomingPath.strict()]);
export const IncomingFileConfirmed = z.union([IncomingBytes.extend({ confirmed: z.boolean() }).strict(), IncomingPath.extend({ confirmed: z.boolean() }).strict()]);
export const ImportReport = z.object({
  changes: z.object({ total: z.number(), new: z.number(), known: z.number(), unknown: z.number() }),
  rows: z.object({ created: z.number(), changed: z.number(), deleted: z.number(), restored: z.number() }),
  conflicts: z.number(), autoMerged: z.number(),
  programs: z.array(z.object({ id: z.string(), title: z.string(), opd: z.string(), effect: z.enum(['new', 'changed', 'deleted', 'restored', 'conflict']) })),
  futureMs: z.number(), deletedShare: z.number(), needsConfirmation: z.array(z.enum(['mass-delete', 'future-clock'])), applied: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const IncomingSource = z.object({ kind: z.enum(['exchange', 'database']), fileName: z.string(), title: z.string(), facilitator: z.string().nullable(), createdAt: z.string().nullable(), changes: z.number() });
const ConflictSide = z.object({ stamp: z.string(), value: z.unknown(), author: z.string().nullable(), at: z.string() });
export const ConflictView = z.object({ id: z.number(), entity: z.string(), rowId: z.string(), field: z.string(), kind: z.string(), label: z.string(), opd: z.string().nullable(), winner: ConflictSide, loser: ConflictSide });
export type ConflictView = z.infer<typeof ConflictView>;
export const SyncStatus = z.object({
  openConflicts: z.number(),
  folder: z.object({ path: z.string().nullable(), state: z.enum(['off', 'ok', 'unavailable', 'needs-attention']), lastWrite: z.string().nullable(), lastRead: z.string().nullable(), message: z.string().nullable(), held: z.array(z.string()) }),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Dashboard = z.object({
  totals: z.object({ programs: z.number(), quickWins: z.number(), budget: z.number(), opds: z.number(), opdsPresented: z.number() }),
  matrix: z.array(z.object({ opdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable(), counts: z.record(z.string(), z.number()), total: z.number() })),
  notPresented: z.array(z.object({ opdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable() })),
  quickWinsByDimension: z.array(z.object({ dimension: z.string(), programs: z.array(z.object({ id: z.string(), title: z.string(), opdAbbr: z.string().nullable() })) })),
  budgetByDimension: z.array(z.object({ dimension: z.string(), byFunding: z.record(z.string(), z.number()), total: z.number() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

// ---------- export (issue 3) ----------
export const NarrativeSectionKey = z.enum(NARRATIVE_KEYS as [NarrativeSection, ...NarrativeSection[]]);
export const NarrativeFields = z.object({ title: line(LIMITS.title), body: text(LIMITS.long) });
export const Narrative = z.object({
  id: z.string(), section: NarrativeSectionKey, title: z.string().nullable(), body: z.string().nullable(), updatedAt: z.string().nullable(),
});
export type Narrative = z.infer<typeof Narrative>;

const Margin = z.number().int().min(5).max(80);
export const ExportSettingsFields = z.object({
  paper: z.enum(PAPERS),
  marginTop: Margin, marginRight: Margin, marginBottom: Margin, marginLeft: Margin,
  fontFamily: requiredLine(100),
  fontSize: z.number().min(8).max(16),
  rupiahStyle: z.enum(['official', 'common']),
  language: Language,
  chapters: z.partialRecord(z.enum(CHAPTER_KEYS), z.boolean()),
  statuses: z.array(enumOf(STATUS_IDS)).max(20),
  includeNotes: z.boolean(),
});
export const ExportSettings = z.object({
  id: z.string(),
  paper: z.enum(PAPERS), marginTop: z.number(), marginRight: z.number(), marginBottom: z.number(), marginLeft: z.number(),
  fontFamily: z.string(), fontSize: z.number(), rupiahStyle: z.enum(['official', 'common']), language: Language,
  chapters: z.record(z.string(), z.boolean()), statuses: z.array(z.string()), includeNotes: z.boolean(),
});
export type ExportSettings = z.infer<typeof ExportSettings>;
export const ExportFormat = z.enum(['docx', 'xlsx']);
export const ExportPhase = z.enum(['queued', 'load', 'build', 'write', 'done', 'failed', 'cancelled']);
export const ExportProgress = z.object({
  jobId: z.string(), format: ExportFormat, phase: ExportPhase, done: z.number(), total: z.number(),
  path: z.string().optional(), fileName: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

// ---------- duplicate finding and synergies (issue 5) ----------
/** A smart-city service of the concept catalogue, named in Indonesian and English. */
export const ServiceName = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });
export type ServiceName = z.infer<typeof ServiceName>;
/** The services' names in a language, as one line ("A; B"). */
export function serviceNamesIn(services: readonly ServiceName[], lang: 'id' | 'en'): string {
  return services.map((s) => (lang === 'en' ? s.nameEn : s.name)).join('; ');
}
/** What a title says is done to its subject (electron/core/similarity/activities.ts). */
export const Activity = z.enum(['training', 'data', 'payment', 'aid', 'complaint', 'building', 'certification', 'booking']);
export type Activity = z.infer<typeof Activity>;
/** Why two programs' titles say they are different things, so that their score was lowered: each names a sibling
 * service of the other's (birth / death certificate), or a different activity (training / building). */
export const ApartReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('siblings'), a: z.array(ServiceName), b: z.array(ServiceName) }),
  z.object({ kind: z.literal('activities'), a: z.array(Activity), b: z.array(Activity) }),
]);
export type ApartReason = z.infer<typeof ApartReason>;
/** The sentence that says why a pair was scored lower ("Kegiatan berbeda: pelatihan / pendataan — …"), in `t`'s language. */
export function apartSentence(reason: ApartReason, t: (key: string, vars?: Record<string, string>) => string, lang: 'id' | 'en'): string {
  if (reason.kind === 'siblings') return t('similar.apartSiblings', { a: serviceNamesIn(reason.a, lang), b: serviceNamesIn(reason.b, lang) });
  const acts = (x: Activity[]) => x.map((a) => t(`activity.${a}`)).join(', ');
  return t('similar.apartActivities', { a: acts(reason.a), b: acts(reason.b) });
}
export const SimilarProgram = z.object({
  id: z.string(), title: z.string(), description: z.string().nullable(), leadOpdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable(),
  dimension: z.string().nullable(), element: z.string().nullable(), score: z.number(), sameOpd: z.boolean(),
  /** The probability that the two are one program twice, and whether that makes them likely duplicates, or possible
   * ones (less than likely). */
  duplicate: z.number(), likelyDuplicate: z.boolean(), possibleDuplicate: z.boolean(),
  /** Services (from the concept catalogue) that both name. */
  services: z.array(ServiceName),
  /** Why their titles say they are different things (the score was lowered); the query's side is `a`. */
  apart: ApartReason.nullable(),
});
export type SimilarProgram = z.infer<typeof SimilarProgram>;
const ClusterProgram = z.object({
  id: z.string(), title: z.string(), description: z.string().nullable(), leadOpdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable(),
  dimension: z.string().nullable(), element: z.string().nullable(),
});
export const DuplicateCluster = z.object({
  /** The probability that its strongest pair are duplicates, whether that makes them likely duplicates (else
   * possible ones); each pair's probability (`score`). */
  id: z.string(), strength: z.number(), likely: z.boolean(), opdCount: z.number(), programs: z.array(ClusterProgram),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number() })),
  /** Services (from the concept catalogue) that every member names. */
  services: z.array(ServiceName),
  /** The strongest pair of members whose titles say they are different things (its score was lowered), and why. */
  apart: z.object({ a: z.string(), b: z.string(), reason: ApartReason }).nullable(),
});
export type DuplicateCluster = z.infer<typeof DuplicateCluster>;
const LinkSide = z.object({ id: z.string(), title: z.string(), leadOpdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable() });
export const SynergyLink = z.object({
  id: z.string(), kind: z.string(), note: z.string().nullable(), roleA: z.string().nullable(), roleB: z.string().nullable(), a: LinkSide, b: LinkSide,
});
export type SynergyLink = z.infer<typeof SynergyLink>;
export const SynergyMap = z.object({
  opds: z.array(z.object({ id: z.string(), name: z.string(), abbr: z.string().nullable() })),
  cells: z.array(z.object({
    a: z.string(), b: z.string(),
    /** The shared programs: one OPD leads, the other is a related OPD (after a merge, among others). */
    shared: z.array(z.object({ id: z.string(), title: z.string(), leadOpdId: z.string() })),
    /** How many complementary (synergy) links join a program of one to a program of the other. */
    complementary: z.number(),
  })),
});
export type SynergyMap = z.infer<typeof SynergyMap>;
export const MergeEntry = z.object({ mergeId: z.string(), survivorId: z.string(), survivorTitle: z.string(), mergedTitles: z.array(z.string()) });
/** A program merged into another: its texts and OPD as they were, the merge that did it (null: not undoable) and its note. */
export const MergedProgram = z.object({
  id: z.string(), title: z.string(), description: z.string().nullable(), leadOpdId: z.string(), opdName: z.string(), opdAbbr: z.string().nullable(),
  mergeId: z.string().nullable(), note: z.string().nullable(),
});
export type MergedProgram = z.infer<typeof MergedProgram>;
/** A pair marked "not a duplicate" (the review no longer shows it; it can be taken back). */
export const NotDuplicateEntry = z.object({ id: z.string(), note: z.string().nullable(), a: LinkSide, b: LinkSide });
export type NotDuplicateEntry = z.infer<typeof NotDuplicateEntry>;
export const SynergyNote = text(LIMITS.short).nullable();
