/** The typed API: one entry per operation with its input and output schema. Both transports (Electron IPC and the
 * browser harness's loopback HTTP) and every handler are typed from this map. */
import { z } from 'zod';
import { CLUSTERS_MAX, type OperationName } from './operations';
import {
  AppState, Dashboard, HistoryEntry, Id, Language, Masterplan, MasterplanFields, MasterplanInfo, Opd, OpdFields,
  Presentation, PresentationFields, PresentationState, Profile, Program, ProgramCreate, ProgramFields, ProgramFilter,
  ProgramRow, RecentEntry, RegionKind, Session, SessionFields, Stage, Year,
  ConflictView, ImportReport, IncomingFile, IncomingFileConfirmed, IncomingSource, SyncStatus,
  ExportFormat, ExportProgress, ExportSettings, ExportSettingsFields, Narrative, NarrativeFields,
  DuplicateCluster, MergeEntry, MergedProgram, NotDuplicateEntry, SimilarProgram, SynergyLink, SynergyMap, SynergyNote,
} from './schemas';

const Empty = z.object({}).strict();

const BackupEntry = z.object({ file: z.string(), at: z.string(), reason: z.string(), bytes: z.number(), programs: z.number().nullable() });
const Ok = z.object({ ok: z.literal(true) });
const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  'app.state': op(Empty, AppState),
  'app.saveProfile': op(Profile.omit({ id: true }).strict(), Profile),
  'app.setLanguage': op(z.object({ language: Language }).strict(), z.object({ language: Language })),
  'app.pickFile': op(z.object({ purpose: z.enum(['open-masterplan']) }).strict(), z.object({ path: z.string().nullable() })),
  'app.forgetRecent': op(z.object({ path: z.string().max(4096) }).strict(), z.array(RecentEntry)),
  'app.readyToClose': op(Empty, Ok),

  'masterplan.create': op(
    z.object({
      title: z.string().max(2000).optional(),
      regionName: MasterplanFields.shape.regionName,
      regionKind: RegionKind,
      province: MasterplanFields.shape.province.optional(),
      periodStart: Year,
      periodEnd: Year,
      opdTemplate: z.string().max(100).nullable(),
      /** A file path; by default a new file in the data folder. */
      path: z.string().max(4096).optional(),
    }).strict(),
    MasterplanInfo,
  ),
  'masterplan.open': op(z.object({ path: z.string().min(1).max(4096) }).strict(), MasterplanInfo),
  'masterplan.close': op(Empty, Ok),
  'masterplan.update': op(z.object({ patch: MasterplanFields.partial().strict() }).strict(), Masterplan),

  'opd.list': op(z.object({ includeDeleted: z.boolean().optional() }).strict(), z.array(Opd)),
  'opd.create': op(OpdFields.partial({ abbr: true, kind: true }).strict(), Opd),
  'opd.update': op(z.object({ id: Id, patch: OpdFields.partial().strict() }).strict(), Opd),
  'opd.delete': op(z.object({ id: Id }).strict(), Ok),
  'opd.restore': op(z.object({ id: Id }).strict(), Opd),
  'opd.reorder': op(z.object({ ids: z.array(Id).max(1000) }).strict(), z.array(Opd)),

  'session.list': op(Empty, z.array(Session)),
  'session.create': op(SessionFields.partial().required({ stage: true }).strict(), Session),
  'session.update': op(z.object({ id: Id, patch: SessionFields.partial().strict() }).strict(), Session),
  'session.delete': op(z.object({ id: Id }).strict(), Ok),

  'presentation.list': op(z.object({ sessionId: Id }).strict(), z.array(Presentation)),
  'presentation.update': op(z.object({ id: Id, patch: PresentationFields.partial().strict() }).strict(), Presentation),
  'presentation.setState': op(z.object({ id: Id, state: PresentationState }).strict(), z.array(Presentation)),
  'presentation.reorder': op(z.object({ sessionId: Id, ids: z.array(Id).max(1000) }).strict(), z.array(Presentation)),
  'presentation.add': op(z.object({ sessionId: Id, opdId: Id }).strict(), z.array(Presentation)),

  'program.listForOpd': op(z.object({ opdId: Id }).strict(), z.array(Program)),
  'program.query': op(z.object({ filter: ProgramFilter.strict(), limit: z.number().int().min(1).max(100_000).optional() }).strict(), z.object({ rows: z.array(ProgramRow), total: z.number() })),
  'program.get': op(z.object({ id: Id }).strict(), Program),
  'program.create': op(z.object({ fields: ProgramCreate.strict() }).strict(), Program),
  'program.update': op(z.object({ id: Id, patch: ProgramFields.partial().strict() }).strict(), Program),
  'program.delete': op(z.object({ id: Id }).strict(), Ok),
  'program.restore': op(z.object({ id: Id }).strict(), Program),
  'program.setRelatedOpds': op(z.object({ id: Id, opdIds: z.array(Id).max(100) }).strict(), Program),
  'program.history': op(z.object({ id: Id }).strict(), z.array(HistoryEntry)),

  'dashboard.get': op(z.object({ sessionId: Id.optional() }).strict(), Dashboard),

  // sync
  'sync.exportFile': op(z.object({ onlyNew: z.boolean().optional() }).strict(), z.object({ fileName: z.string(), base64: z.string(), changes: z.number() })),
  'sync.preview': op(IncomingFile, z.object({ source: IncomingSource, report: ImportReport })),
  'sync.apply': op(IncomingFileConfirmed, ImportReport),
  'sync.join': op(IncomingFile, MasterplanInfo),
  'sync.conflicts': op(Empty, z.array(ConflictView)),
  'sync.resolve': op(z.object({ id: z.number().int(), keep: z.enum(['current', 'other', 'custom']), value: z.string().max(200_000).optional() }).strict(), z.array(ConflictView)),
  'sync.status': op(Empty, SyncStatus),
  'sync.setFolder': op(z.object({ path: z.string().min(1).max(4096).nullable() }).strict(), SyncStatus),

  // packaging: the .rembuk file this launch was asked to open (double-click), taken once by the renderer
  'app.takeOpenFile': op(Empty, z.object({ path: z.string().nullable() })),
  // --- export (issue 3) ---
  'narrative.list': op(Empty, z.array(Narrative)),
  'narrative.update': op(z.object({ id: Id, patch: NarrativeFields.partial().strict() }).strict(), Narrative),
  'export.getSettings': op(Empty, ExportSettings),
  /** `id` is the masterplan's id (one settings row per masterplan), so the autosave queue can address it. */
  'export.saveSettings': op(z.object({ id: Id, patch: ExportSettingsFields.partial().strict() }).strict(), ExportSettings),
  'export.pickPath': op(z.object({ format: ExportFormat }).strict(), z.object({ path: z.string().nullable() })),
  /** Without `path`: into the data folder's exports/ subfolder (the browser harness then offers it as a download). */
  'export.start': op(z.object({ format: ExportFormat, path: z.string().min(1).max(4096).optional() }).strict(), z.object({ jobId: z.string(), path: z.string() })),
  'export.cancel': op(z.object({ jobId: Id }).strict(), Ok),
  'export.open': op(z.object({ jobId: Id }).strict(), Ok),
  'export.showInFolder': op(z.object({ jobId: Id }).strict(), Ok),
  // ---- duplicate finding and synergies (issue 5) ----
  'similar.query': op(z.object({
    text: z.string().max(2000), description: z.string().max(50_000).nullable().optional(), opdId: Id.optional(),
    excludeId: Id.optional(), limit: z.number().int().min(1).max(50).optional(),
  }).strict(), z.array(SimilarProgram)),
  'duplicates.clusters': op(z.object({ limit: z.number().int().min(1).max(CLUSTERS_MAX).optional(), scope: z.enum(['likely', 'all']).optional() }).strict(), z.object({ clusters: z.array(DuplicateCluster), total: z.number().int(), counts: z.object({ likely: z.number().int(), all: z.number().int() }), likelyFrom: z.number() })),
  'duplicates.merge': op(z.object({ survivorId: Id, otherIds: z.array(Id).min(1).max(100), leadOpdId: Id.optional(), note: SynergyNote.optional() }).strict(), z.object({ mergeId: z.string(), survivor: Program })),
  'duplicates.undoMerge': op(z.object({ mergeId: Id }).strict(), Program),
  'duplicates.merges': op(Empty, z.array(MergeEntry)),
  'duplicates.mergedInto': op(z.object({ programId: Id }).strict(), z.array(MergedProgram)),
  'duplicates.markNotDuplicate': op(z.object({ programIds: z.array(Id).min(2).max(100), note: SynergyNote.optional() }).strict(), Ok),
  'duplicates.undoNotDuplicate': op(z.object({ programIds: z.array(Id).min(2).max(100) }).strict(), Ok),
  'duplicates.notDuplicates': op(Empty, z.array(NotDuplicateEntry)),
  'synergy.link': op(z.object({ programAId: Id, programBId: Id, note: SynergyNote.optional(), roleA: SynergyNote.optional(), roleB: SynergyNote.optional() }).strict(), SynergyLink),
  'synergy.unlink': op(z.object({ id: Id }).strict(), Ok),
  'synergy.list': op(z.object({ programId: Id.optional() }).strict(), z.array(SynergyLink)),
  'synergy.map': op(Empty, SynergyMap),

  // backups
  'backup.list': op(Empty, z.array(BackupEntry)),
  'backup.now': op(Empty, z.array(BackupEntry)),
  'backup.restore': op(z.object({ file: z.string().min(1).max(4096) }).strict(), MasterplanInfo),
  'backup.recover': op(z.object({ path: z.string().min(1).max(4096) }).strict(), MasterplanInfo),
} satisfies Record<OperationName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Input<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type Output<K extends OperationName> = z.output<Contract[K]['output']>;

export const eventSchemas = {
  'data.changed': z.object({ entities: z.array(z.string()), origin: z.enum(['local', 'import']) }),
  'app.flushRequested': z.object({}),
  'sync.status': z.object({ openConflicts: z.number(), state: z.string() }),
  // packaging: a .rembuk file handed over by a second launch (or macOS open-file) while Rembuk runs
  'app.openFile': z.object({ path: z.string() }),
  // --- export (issue 3) ---
  'export.progress': ExportProgress,
};
export type EventPayload<E extends keyof typeof eventSchemas> = z.infer<(typeof eventSchemas)[E]>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: import('../errors').ApiErrorPayload };
export { Stage };
