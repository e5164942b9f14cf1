/** The backend's state for one window (or one browser harness): settings, the open masterplan, and events. */
import path from 'node:path';
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import type { EventName } from '../../shared/api/operations';
import type { AppState, MasterplanInfo } from '../../shared/api/schemas';
import { AppConfig } from './config/appConfig';
import { MasterplanDb } from './db/masterplanDb';
import { ExportJobs } from './export/jobs';
import { createMasterplan, freeFileName, masterplanInfo, registerDevice, slugify, defaultTitle, type CreateMasterplanInput } from './services/masterplans';
import { SyncFolder } from './sync/folder';
import { concepts } from './similarity/concepts';
import { refreshSimilarIndex } from './similarity/similarIndex';
import { backupDir, backupInBackground, backupNow, listBackups, restoreBackup, type BackgroundBackup, type BackupEntry, type BackupReason } from './backup/backups';
import { joinFromFile, openConflictCount, replayKeptAside, type Incoming } from './sync/service';
import type { SyncStatus } from '../../shared/api/schemas';

/** Programs re-analysed per turn of the event loop after a masterplan opens. */
const REINDEX_SLICE = 500;

const FOLDER_WRITE_DELAY_MS = 3000;
const BACKUP_EVERY_MS = 10 * 60_000;
const FOLDER_POLL_MS = 5000;

export type Emit = (event: EventName, payload: unknown) => void;

export interface WorkspaceOptions {
  dataDir: string; version: string; canPickFiles: boolean; emit?: Emit;
  /** How often edits trigger a periodic backup (10 minutes; tests set it lower). */
  backupEveryMs?: number;
}

export class Workspace {
  readonly config: AppConfig;
  private mp: MasterplanDb | null = null;
  private emitters = new Set<Emit>();
  private folder: SyncFolder | null = null;
  private lastBackup = 0;
  private runningBackup: BackgroundBackup | null = null;
  /** A periodic backup given up by close(), until its worker has let go of the file. */
  private stoppingBackup: Promise<void> | null = null;
  private readonly backupEveryMs: number;
  private folderWrite: NodeJS.Timeout | undefined;
  private folderPoll: NodeJS.Timeout | undefined;
  /** Export jobs (issue 3): worker threads reporting `export.progress`. */
  readonly exports: ExportJobs;

  constructor(readonly opts: WorkspaceOptions) {
    this.config = new AppConfig(opts.dataDir);
    this.backupEveryMs = opts.backupEveryMs ?? BACKUP_EVERY_MS;
    if (opts.emit) this.emitters.add(opts.emit);
    this.exports = new ExportJobs((p) => this.emit('export.progress', p), () => this.language);
  }

  get masterplansDir(): string { return path.join(this.opts.dataDir, 'masterplans'); }
  get language(): 'id' | 'en' { return this.config.get().language; }

  subscribe(emit: Emit): () => void {
    this.emitters.add(emit);
    return () => this.emitters.delete(emit);
  }

  emit(event: EventName, payload: unknown): void {
    for (const e of this.emitters) e(event, payload);
  }

  require(): MasterplanDb {
    if (!this.mp?.isOpen) throw new AppError('NO_MASTERPLAN_OPEN');
    return this.mp;
  }

  get current(): MasterplanDb | null { return this.mp?.isOpen ? this.mp : null; }

  state(): AppState {
    const cfg = this.config.get();
    return {
      version: this.opts.version,
      profile: cfg.profile,
      language: cfg.language,
      recent: cfg.recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) })),
      current: this.current ? masterplanInfo(this.current) : null,
      dataDir: this.opts.dataDir,
      canPickFiles: this.opts.canPickFiles,
    };
  }

  private attach(mp: MasterplanDb, opts: { backup?: boolean } = {}): MasterplanInfo {
    this.close();
    this.mp = mp;
    replayKeptAside(mp);
    this.lastBackup = Date.now();
    if (opts.backup !== false) this.backup('open');
    mp.onChange((entities) => {
      if (Date.now() - this.lastBackup > this.backupEveryMs) this.backupPeriodically();
      this.emit('data.changed', { entities: [...entities], origin: 'local' });
      this.scheduleFolderWrite();
    });
    this.folder = new SyncFolder(mp, {
      facilitator: () => this.config.get().profile?.name ?? null, appVersion: this.opts.version,
      onImported: () => { this.emit('data.changed', { entities: ['program', 'opd', 'session', 'presentation'], origin: 'import' }); this.scheduleFolderWrite(); },
    });
    this.folderPoll = setInterval(() => this.syncFolderNow(), FOLDER_POLL_MS);
    this.folderPoll.unref();
    // a file indexed by an older analysis is re-analysed now, and the concept catalogue compiled (~0.8 s), not at the
    // first keystroke in a program form; in slices of 500 programs (~0.1 s), so that other requests (saves, lists) are
    // answered meanwhile (a similarity query during the catch-up finishes it first)
    const reindex = () => {
      if (this.mp !== mp) return;
      try { concepts(); if (refreshSimilarIndex(mp.db, REINDEX_SLICE) === REINDEX_SLICE) setImmediate(reindex); } catch { /* the next query retries */ }
    };
    setImmediate(reindex);
    const info = masterplanInfo(mp);
    this.config.touchRecent(mp.path, info.masterplan.title);
    return info;
  }

  create(input: CreateMasterplanInput & { path?: string }): MasterplanInfo {
    if (!this.config.get().profile) throw new AppError('PROFILE_REQUIRED');
    let file = input.path;
    if (!file) {
      fs.mkdirSync(this.masterplansDir, { recursive: true });
      const title = input.title?.trim() || defaultTitle(input.regionKind, input.regionName);
      file = freeFileName(this.masterplansDir, `${slugify(title)}-${input.periodStart}-${input.periodEnd}`);
    }
    const mp = createMasterplan(path.resolve(file), input, this.config.get().installationId, { profile: this.config.get().profile });
    return this.attach(mp, { backup: false });
  }

  open(file: string): MasterplanInfo {
    const resolved = path.resolve(file);
    if (this.mp?.isOpen && this.mp.path === resolved) return masterplanInfo(this.mp);
    const mp = MasterplanDb.open(resolved, {
      installationId: this.config.get().installationId, profileId: this.config.get().profile?.id,
      beforeMigrate: (db) => { backupNow(db, this.opts.dataDir, resolved, 'before-migration'); },
    });
    try {
      registerDevice(mp, { profile: this.config.get().profile });
      return this.attach(mp);
    } catch (e) {
      mp.close();
      throw e;
    }
  }

  /** Re-opens the last masterplan at start-up if it is still there; a failure just leaves the start screen. */
  reopenLast(): void {
    const last = this.config.get().lastOpened;
    if (!last || !fs.existsSync(last)) return;
    try { this.open(last); } catch { /* the start screen shows the recent list with the file's state */ }
  }

  saveProfile(name: string, institution: string) {
    const before = this.config.get().profile?.id;
    const profile = this.config.setProfile(name, institution)!;
    const open = this.current;
    if (open && before !== profile.id) {
      // a new person on this installation: reopen so their changes go under their own device id
      const file = open.path;
      this.close();
      this.open(file);
    } else if (open) registerDevice(open, { profile });
    return profile;
  }

  close(): void {
    // a periodic backup still running is given up (its partial file removed): closing does not wait for it, but a
    // restore or a recovery does (backupsSettled), since the worker still has the file open until its snapshot ends
    if (this.runningBackup) {
      const stopping = this.runningBackup.stop();
      this.stoppingBackup = stopping;
      void stopping.then(() => { if (this.stoppingBackup === stopping) this.stoppingBackup = null; });
      this.runningBackup = null;
    }
    clearInterval(this.folderPoll);
    if (this.folderWrite) { clearTimeout(this.folderWrite); this.folderWrite = undefined; this.folder?.write(); }
    this.folder = null;
    this.mp?.close();
    this.mp = null;
  }

  // ---------- backups ----------

  /** The periodic snapshot, in a worker thread: live capture goes on saving meanwhile. One at a time. */
  private backupPeriodically(): void {
    const mp = this.current;
    if (!mp || this.runningBackup) return;
    this.lastBackup = Date.now();
    try {
      const job = backupInBackground(this.opts.dataDir, mp.path, 'periodic');
      this.runningBackup = job;
      void job.done.then(() => { if (this.runningBackup === job) this.runningBackup = null; });
    } catch { /* no worker (out of memory): the next edit after the interval tries again */ }
  }

  /** Waits until no periodic backup is running or stopping (before a restore replaces the file; tests). */
  async backupsSettled(): Promise<void> {
    await this.runningBackup?.done;
    await this.stoppingBackup;
  }

  /** A snapshot of the open masterplan into its backup folder; a failure (disk full) never blocks work. */
  backup(reason: BackupReason): string | null {
    const mp = this.current;
    if (!mp) return null;
    try { this.lastBackup = Date.now(); return backupNow(mp.db, this.opts.dataDir, mp.path, reason); } catch { return null; }
  }

  backups(): BackupEntry[] {
    return listBackups(this.opts.dataDir, this.require().path);
  }

  private ownBackup(file: string, dbFile: string): string {
    const dir = backupDir(this.opts.dataDir, dbFile);
    const resolved = path.resolve(file);
    if (path.dirname(resolved) !== dir || !resolved.endsWith('.sqlite')) throw new AppError('NOT_FOUND', { entity: 'backup', id: file });
    return resolved;
  }

  /** Restores a backup of the open masterplan. Undoable: the current state is backed up first and kept aside. */
  async restore(file: string): Promise<MasterplanInfo> {
    const mp = this.require();
    const dbFile = mp.path;
    const chosen = this.ownBackup(file, dbFile);
    this.backup('before-restore');
    this.close();
    await this.backupsSettled(); // no worker may hold the file while it is put aside
    restoreBackup(chosen, dbFile, 'replaced');
    return this.open(dbFile);
  }

  /** A damaged file that cannot be opened: put its newest good backup in place (the damaged file is kept aside). */
  async recover(file: string): Promise<MasterplanInfo> {
    const dbFile = path.resolve(file);
    const newest = listBackups(this.opts.dataDir, dbFile).find((b) => b.programs !== null);
    if (!newest) throw new AppError('NO_BACKUP', { path: dbFile });
    if (this.current?.path === dbFile) this.close();
    await this.backupsSettled();
    restoreBackup(newest.file, dbFile, 'damaged');
    return this.open(dbFile);
  }

  // ---------- sync ----------

  private scheduleFolderWrite(): void {
    if (!this.folder?.folder) return;
    clearTimeout(this.folderWrite);
    this.folderWrite = setTimeout(() => { this.folderWrite = undefined; this.folder?.write(); this.emitSyncStatus(); }, FOLDER_WRITE_DELAY_MS);
    this.folderWrite.unref();
  }

  /** Writes this device's file into the sync folder now (otherwise a few seconds after the last change). */
  writeSyncFolderNow(): void {
    clearTimeout(this.folderWrite);
    this.folderWrite = undefined;
    this.folder?.write();
  }

  /** Reads the others' files in the sync folder now (also runs every few seconds). */
  syncFolderNow(): void {
    if (!this.folder?.folder || !this.current) return;
    const before = this.folder.status().state;
    const reports = this.folder.read();
    if (reports.length > 0 || this.folder.status().state !== before) this.emitSyncStatus();
  }

  private emitSyncStatus(): void {
    if (this.current) this.emit('sync.status', { openConflicts: openConflictCount(this.current), state: this.folder?.status().state ?? 'off' });
  }

  syncStatus(): SyncStatus {
    const mp = this.require();
    return { openConflicts: openConflictCount(mp), folder: this.folder?.status() ?? { path: null, state: 'off', lastWrite: null, lastRead: null, message: null, held: [] } };
  }

  setSyncFolder(folder: string | null): SyncStatus {
    this.require();
    this.folder!.setFolder(folder);
    if (folder) { this.folder!.write(); this.folder!.read(); }
    return this.syncStatus();
  }

  /** Joins a masterplan from a colleague's file: a new local copy in the data folder, opened. */
  join(incoming: Incoming): MasterplanInfo {
    if (!this.config.get().profile) throw new AppError('PROFILE_REQUIRED');
    fs.mkdirSync(this.masterplansDir, { recursive: true });
    const file = freeFileName(this.masterplansDir, slugify(incoming.title || 'masterplan'));
    return this.attach(joinFromFile(file, incoming, this.config.get().installationId, { profile: this.config.get().profile }).mp);
  }
}
