/** One handler per API operation, each a thin call into a service. Inputs arrive already parsed by the contract. */
import type { OperationName } from '../../../shared/api/operations';
import type { Output, ParsedInput } from '../../../shared/api/contract';
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
import { updateMasterplan } from '../services/masterplans';
import {
  duplicateClusters, linkSynergy, listMerges, listSynergies, markNotDuplicate, mergePrograms, similarPrograms, synergyMap,
  undoMerge, unlinkSynergy,
} from '../services/duplicates';

/** What only the hosting shell can do (native dialogs, window lifecycle). The browser harness has none of it. */
export interface Host {
  pickFile(purpose: 'open-masterplan'): Promise<string | null>;
  readyToClose(): void;
}

export const NO_HOST: Host = {
  pickFile: async () => { throw new AppError('UNSUPPORTED'); },
  readyToClose: () => {},
};

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

    // duplicate finding and synergies (issue 5)
    'similar.query': (i) => similarPrograms(mp(), i),
    'duplicates.clusters': () => duplicateClusters(mp()),
    'duplicates.merge': (i) => mergePrograms(mp(), i),
    'duplicates.undoMerge': (i) => undoMerge(mp(), i.mergeId),
    'duplicates.merges': () => listMerges(mp()),
    'duplicates.markNotDuplicate': (i) => { markNotDuplicate(mp(), i.programIds, i.note); return ok; },
    'synergy.link': (i) => linkSynergy(mp(), i),
    'synergy.unlink': (i) => { unlinkSynergy(mp(), i.id); return ok; },
    'synergy.list': (i) => listSynergies(mp(), i.programId),
    'synergy.map': () => synergyMap(mp()),
  };
}
