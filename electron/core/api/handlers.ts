/** One handler per API operation, each a thin call into a service. Inputs arrive already parsed by the contract. */
import path from 'node:path';
import type { Output, ParsedInput } from '../../../shared/api/contract';
import { CLUSTERS_PAGE, type OperationName } from '../../../shared/api/operations';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../workspace';
import { createOpd, deleteOpd, listOpds, reorderOpds, restoreOpd, updateOpd } from '../services/opds';
import {
  addPresentation, createSession, deleteSession, listPresentations, listSessions, reorderPresentations,
  setPresentationState, updatePresentation, updateSession,
} from '../services/sessions';
import {
  createProgram, deleteProgram, getProgram, listProgramsForOpd, programHistory, queryPrograms, restoreProgram,
  setRelatedOpds, updateProgram,
} from '../services/programs';
import { getDashboard } from '../services/dashboard';
import { slugify, updateMasterplan } from '../services/masterplans';
import { applyImport, exportWork, listConflicts, markExported, previewImport, readIncoming, resolveConflict } from '../sync/service';
import { getExportSettings, listNarrative, saveExportSettings, updateNarrative } from '../services/narrative';
import { defaultExportPath } from '../export/jobs';
import {
  duplicateClusters, linkSynergy, listMerges, listNotDuplicates, mergedInto, listSynergies, markNotDuplicate, mergePrograms, similarPrograms, synergyMap,
  undoMerge, undoNotDuplicate, unlinkSynergy,
} from '../services/duplicates';

/** What only the hosting shell can do (native dialogs, window lifecycle). The browser harness has none of it. */
export interface Host {
  pickFile(purpose: 'open-masterplan'): Promise<string | null>;
  readyToClose(): void;
  /** packaging: the .rembuk file the app was launched with (double-click), handed out once. */
  takeOpenFile?(): string | null;
  // --- export (issue 3) ---
  /** A save dialog for an exported document; null when the person cancels. */
  pickSavePath(format: 'docx' | 'xlsx', defaultName: string): Promise<string | null>;
  /** Opens a finished export in the system's application (Word, LibreOffice, Excel). */
  openPath(file: string): Promise<void>;
  showInFolder(file: string): void;
}

export const NO_HOST: Host = {
  pickFile: async () => { throw new AppError('UNSUPPORTED'); },
  readyToClose: () => {},
  pickSavePath: async () => { throw new AppError('UNSUPPORTED'); },
  openPath: async () => { throw new AppError('UNSUPPORTED'); },
  showInFolder: () => { throw new AppError('UNSUPPORTED'); },
};

/** A colleague's file from the API: bytes sent by the window, or a path (a file opened by double-click). */
function incomingOf(i: { path: string } | { fileName: string; base64: string }) {
  return 'path' in i ? readIncoming(path.resolve(i.path)) : readIncoming(i.fileName, Buffer.from(i.base64, 'base64'));
}

export type Handlers = { [K in OperationName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };

export function createHandlers(ws: Workspace, host: Host = NO_HOST): Handlers {
  const mp = () => ws.require();
  const ok = { ok: true as const };
  return {
    'app.state': () => ws.state(),
    'app.saveProfile': (i) => ws.saveProfile(i.name, i.institution),
    'app.setLanguage': (i) => { ws.config.update((d) => { d.language = i.language; }); return { language: i.language }; },
    'app.pickFile': async (i) => ({ path: await host.pickFile(i.purpose) }),
    'app.forgetRecent': (i) => { ws.config.forgetRecent(i.path); return ws.state().recent; },
    'app.readyToClose': () => { host.readyToClose(); return ok; },

    'masterplan.create': (i) => ws.create(i),
    'masterplan.open': (i) => ws.open(i.path),
    'masterplan.close': () => { ws.close(); return ok; },
    'masterplan.update': (i) => updateMasterplan(mp(), i.patch),

    'opd.list': (i) => listOpds(mp(), i.includeDeleted),
    'opd.create': (i) => createOpd(mp(), i),
    'opd.update': (i) => updateOpd(mp(), i.id, i.patch),
    'opd.delete': (i) => { deleteOpd(mp(), i.id); return ok; },
    'opd.restore': (i) => restoreOpd(mp(), i.id),
    'opd.reorder': (i) => reorderOpds(mp(), i.ids),

    'session.list': () => listSessions(mp()),
    'session.create': (i) => createSession(mp(), i, ws.language),
    'session.update': (i) => updateSession(mp(), i.id, i.patch),
    'session.delete': (i) => { deleteSession(mp(), i.id); return ok; },

    'presentation.list': (i) => listPresentations(mp(), i.sessionId),
    'presentation.update': (i) => updatePresentation(mp(), i.id, i.patch),
    'presentation.setState': (i) => setPresentationState(mp(), i.id, i.state),
    'presentation.reorder': (i) => reorderPresentations(mp(), i.sessionId, i.ids),
    'presentation.add': (i) => addPresentation(mp(), i.sessionId, i.opdId),

    'program.listForOpd': (i) => listProgramsForOpd(mp(), i.opdId),
    'program.query': (i) => queryPrograms(mp(), i.filter, i.limit),
    'program.get': (i) => getProgram(mp(), i.id),
    'program.create': (i) => createProgram(mp(), i.fields),
    'program.update': (i) => updateProgram(mp(), i.id, i.patch),
    'program.delete': (i) => { deleteProgram(mp(), i.id); return ok; },
    'program.restore': (i) => restoreProgram(mp(), i.id),
    'program.setRelatedOpds': (i) => setRelatedOpds(mp(), i.id, i.opdIds),
    'program.history': (i) => programHistory(mp(), i.id),

    'dashboard.get': (i) => getDashboard(mp(), i.sessionId),

    // sync
    'sync.exportFile': (i) => {
      const m = mp();
      const out = exportWork(m, { onlyNew: i.onlyNew, facilitator: ws.config.get().profile?.name ?? null, appVersion: ws.opts.version });
      markExported(m, out.vector);
      const who = slugify(ws.config.get().profile?.name ?? m.deviceId);
      const day = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
      return { fileName: `rembuk-${who}-${day}.rembuk`, base64: out.bytes.toString('base64'), changes: out.header.changes };
    },
    'sync.preview': (i) => {
      const incoming = incomingOf(i);
      const source = { kind: incoming.kind, fileName: path.basename(incoming.path), title: incoming.title, facilitator: incoming.sender.facilitator, createdAt: incoming.sender.createdAt, changes: incoming.changes.length };
      return { source, report: previewImport(mp(), incoming) };
    },
    'sync.apply': (i) => {
      ws.backup('before-import');
      const report = applyImport(mp(), incomingOf(i), i.confirmed);
      ws.emit('data.changed', { entities: ['program', 'opd', 'session', 'presentation'], origin: 'import' });
      return report;
    },
    'sync.join': (i) => ws.join(incomingOf(i)),
    'sync.conflicts': () => listConflicts(mp()),
    'sync.resolve': (i) => { resolveConflict(mp(), i.id, { keep: i.keep, value: i.value }); return listConflicts(mp()); },
    'sync.status': () => ws.syncStatus(),
    'sync.setFolder': (i) => ws.setSyncFolder(i.path),

    // packaging
    'app.takeOpenFile': () => ({ path: host.takeOpenFile?.() ?? null }),
    // --- export (issue 3) ---
    'narrative.list': () => listNarrative(mp()),
    'narrative.update': (i) => updateNarrative(mp(), i.id, i.patch),
    'export.getSettings': () => getExportSettings(mp(), ws.language),
    'export.saveSettings': (i) => saveExportSettings(mp(), i.id, i.patch, ws.language),
    'export.pickPath': async (i) => {
      const m = mp();
      const name = `${(m.prepare('SELECT title FROM masterplan LIMIT 1').pluck().get() as string | null) ?? 'masterplan'}.${i.format}`;
      return { path: await host.pickSavePath(i.format, name.replace(/[\\/:*?"<>|]/g, ' ')) };
    },
    'export.start': (i) => {
      const m = mp();
      const title = (m.prepare('SELECT title FROM masterplan LIMIT 1').pluck().get() as string | null) ?? 'masterplan';
      const target = i.path ?? defaultExportPath(ws.opts.dataDir, title, i.format);
      m.syncToDisk(); // the worker reads the file on its own connection
      const job = ws.exports.start({ dbPath: m.path, format: i.format, outPath: target });
      return { jobId: job.id, path: job.path };
    },
    'export.cancel': async (i) => { await ws.exports.cancel(i.jobId); return ok; },
    'export.open': async (i) => { await host.openPath(ws.exports.fileOf(i.jobId)); return ok; },
    'export.showInFolder': (i) => { host.showInFolder(ws.exports.fileOf(i.jobId)); return ok; },
    // duplicate finding and synergies (issue 5)
    'similar.query': (i) => similarPrograms(mp(), i),
    'duplicates.clusters': (i) => duplicateClusters(mp(), { limit: i.limit ?? CLUSTERS_PAGE, scope: i.scope ?? 'all' }),
    'duplicates.merge': (i) => mergePrograms(mp(), i),
    'duplicates.undoMerge': (i) => undoMerge(mp(), i.mergeId),
    'duplicates.merges': () => listMerges(mp()),
    'duplicates.mergedInto': (i) => mergedInto(mp(), i.programId),
    'duplicates.markNotDuplicate': (i) => { markNotDuplicate(mp(), i.programIds, i.note); return ok; },
    'duplicates.undoNotDuplicate': (i) => { undoNotDuplicate(mp(), i.programIds); return ok; },
    'duplicates.notDuplicates': () => listNotDuplicates(mp()),
    'synergy.link': (i) => linkSynergy(mp(), i),
    'synergy.unlink': (i) => { unlinkSynergy(mp(), i.id); return ok; },
    'synergy.list': (i) => listSynergies(mp(), i.programId),
    'synergy.map': () => synergyMap(mp()),

    // backups
    'backup.list': () => ws.backups(),
    'backup.now': () => { ws.backup('manual'); return ws.backups(); },
    'backup.restore': (i) => ws.restore(i.file),
    'backup.recover': (i) => ws.recover(i.path),
  };
}
