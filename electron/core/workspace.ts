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

export type Emit = (event: EventName, payload: unknown) => void;

export interface WorkspaceOptions { dataDir: string; version: string; canPickFiles: boolean; emit?: Emit }

export class Workspace {
  readonly config: AppConfig;
  private mp: MasterplanDb | null = null;
  private emitters = new Set<Emit>();
  /** Export jobs (issue 3): worker threads reporting `export.progress`. */
  readonly exports: ExportJobs;

  constructor(readonly opts: WorkspaceOptions) {
    this.config = new AppConfig(opts.dataDir);
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

  private attach(mp: MasterplanDb): MasterplanInfo {
    this.close();
    this.mp = mp;
    mp.onChange((entities) => this.emit('data.changed', { entities: [...entities], origin: 'local' }));
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
    return this.attach(mp);
  }

  open(file: string): MasterplanInfo {
    const resolved = path.resolve(file);
    if (this.mp?.isOpen && this.mp.path === resolved) return masterplanInfo(this.mp);
    const mp = MasterplanDb.open(resolved, { installationId: this.config.get().installationId, profileId: this.config.get().profile?.id });
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
    this.mp?.close();
    this.mp = null;
  }
}
