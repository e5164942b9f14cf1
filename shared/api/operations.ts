/** The names of every API operation and event, kept free of zod so the preload bundle stays tiny.
 * `contract.ts` is checked against this list at compile time. */
export const OPERATIONS = [
  'app.state', 'app.saveProfile', 'app.setLanguage', 'app.pickFile', 'app.forgetRecent', 'app.readyToClose',
  'masterplan.create', 'masterplan.open', 'masterplan.close', 'masterplan.update',
  'opd.list', 'opd.create', 'opd.update', 'opd.delete', 'opd.restore', 'opd.reorder',
  'session.list', 'session.create', 'session.update', 'session.delete',
  'presentation.list', 'presentation.update', 'presentation.setState', 'presentation.reorder', 'presentation.add',
  'program.listForOpd', 'program.query', 'program.get', 'program.create', 'program.update', 'program.delete',
  'program.restore', 'program.setRelatedOpds', 'program.history',
  'dashboard.get',
  // sync
  'sync.exportFile', 'sync.preview', 'sync.apply', 'sync.join', 'sync.conflicts', 'sync.resolve', 'sync.status', 'sync.setFolder',
  // packaging: a .rembuk file opened by double-click (single instance)
  'app.takeOpenFile',
  // --- export (issue 3) ---
  'narrative.list', 'narrative.update', 'export.getSettings', 'export.saveSettings', 'export.pickPath', 'export.start',
  'export.cancel', 'export.open', 'export.showInFolder',
  // duplicate finding and synergies (issue 5)
  'similar.query', 'duplicates.clusters', 'duplicates.merge', 'duplicates.undoMerge', 'duplicates.merges', 'duplicates.mergedInto',
  'duplicates.markNotDuplicate', 'duplicates.undoNotDuplicate', 'duplicates.notDuplicates', 'synergy.link', 'synergy.unlink', 'synergy.list', 'synergy.map',
  // backups
  'backup.list', 'backup.now', 'backup.restore', 'backup.recover',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

export const EVENTS = [
  'data.changed', 'app.flushRequested', 'sync.status',
  // packaging: a .rembuk file opened while Rembuk runs
  'app.openFile',
  // --- export (issue 3) ---
  'export.progress',
] as const;
export type EventName = (typeof EVENTS)[number];

export function isOperationName(s: unknown): s is OperationName {
  return typeof s === 'string' && (OPERATIONS as readonly string[]).includes(s);
}

/** IPC channel prefix: main only answers channels that start with it. */
export const IPC_PREFIX = 'rembuk:';
export const IPC_EVENT_CHANNEL = 'rembuk-event';

/** The duplicate review asks for this many clusters at a time, and for at most CLUSTERS_MAX. */
export const CLUSTERS_PAGE = 100;
export const CLUSTERS_MAX = 2000;
