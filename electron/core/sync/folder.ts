/** The sync folder: a folder the user picks (USB stick, network share, OneDrive/Google Drive/Syncthing folder).
 * This device writes only its own file there (everything it knows, so copies relay each other's work) and merges
 * the others' files when they appear or change. An unavailable folder is a state, never an error. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { MasterplanDb } from '../db/masterplanDb';
import { applyImport, exportWork, readIncoming, writeFileAtomic } from './service';
import type { ImportReport } from './merge';

export type FolderState = 'off' | 'ok' | 'unavailable' | 'needs-attention';
export interface FolderStatus { path: string | null; state: FolderState; lastWrite: string | null; lastRead: string | null; message: string | null; held: string[] }

const KEY = 'sync_folder';

export class SyncFolder {
  private seen = new Map<string, string>(); // file → "mtime:size" last merged
  private lastWrite: string | null = null;
  private lastRead: string | null = null;
  private state: FolderState = 'off';
  private message: string | null = null;
  private held: string[] = [];

  constructor(private readonly mp: MasterplanDb, private readonly opts: { facilitator: () => string | null; appVersion: string; onImported?: (report: ImportReport) => void }) {
    if (this.folder) this.state = 'ok';
  }

  get folder(): string | null {
    return (this.mp.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(KEY) as string | undefined) ?? null;
  }

  setFolder(folder: string | null): void {
    if (folder !== null && !(fs.existsSync(folder) && fs.statSync(folder).isDirectory())) throw new AppError('FOLDER_NOT_FOUND', { path: folder });
    if (folder === null) this.mp.prepare('DELETE FROM local_meta WHERE key = ?').run(KEY);
    else this.mp.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(KEY, path.resolve(folder));
    this.seen.clear();
    this.held = [];
    this.state = folder ? 'ok' : 'off';
    this.message = null;
  }

  /** This device's own file name in the folder. */
  ownFile(): string | null {
    const f = this.folder;
    return f ? path.join(f, `rembuk-${this.mp.masterplanId()}-${this.mp.deviceId}.rembuk`) : null;
  }

  private available(): boolean {
    const f = this.folder;
    try { return !!f && fs.statSync(f).isDirectory(); } catch { return false; }
  }

  /** Writes this device's file (after changes, debounced by the caller). */
  write(): void {
    const file = this.ownFile();
    if (!file) return;
    if (!this.available()) { this.state = 'unavailable'; return; }
    try {
      writeFileAtomic(file, exportWork(this.mp, { facilitator: this.opts.facilitator(), appVersion: this.opts.appVersion }).bytes);
      this.lastWrite = new Date().toISOString();
      if (this.state === 'unavailable') this.state = 'ok';
      this.seen.set(file, stamp(file));
    } catch (e) {
      this.state = 'unavailable';
      this.message = e instanceof AppError ? e.code : String(e);
    }
  }

  /** Merges the other devices' files that appeared or changed. Imports needing confirmation are held. */
  read(): ImportReport[] {
    if (!this.folder) return [];
    if (!this.available()) { this.state = 'unavailable'; return []; }
    if (this.state === 'unavailable') this.state = 'ok';
    const own = this.ownFile();
    const prefix = `rembuk-${this.mp.masterplanId()}-`;
    const reports: ImportReport[] = [];
    let names: string[];
    try { names = fs.readdirSync(this.folder); } catch { this.state = 'unavailable'; return []; }
    for (const name of names) {
      const file = path.join(this.folder, name);
      if (file === own || !name.startsWith(prefix) || !name.endsWith('.rembuk')) continue;
      const s = stamp(file);
      if (!s || this.seen.get(file) === s) continue;
      try {
        const report = applyImport(this.mp, readIncoming(file), false);
        this.seen.set(file, s);
        this.lastRead = new Date().toISOString();
        this.held = this.held.filter((h) => h !== name);
        if (report.changes.new > 0) { reports.push(report); this.opts.onImported?.(report); }
      } catch (e) {
        // a half-copied file (sync engine still writing) or one needing confirmation: try again next time
        if (e instanceof AppError && e.code === 'IMPORT_NEEDS_CONFIRMATION') {
          if (!this.held.includes(name)) this.held.push(name);
          this.state = 'needs-attention';
          this.message = e.code;
        }
      }
    }
    if (this.state === 'needs-attention' && this.held.length === 0) { this.state = 'ok'; this.message = null; }
    return reports;
  }

  status(): FolderStatus {
    return { path: this.folder, state: this.folder ? this.state : 'off', lastWrite: this.lastWrite, lastRead: this.lastRead, message: this.message, held: [...this.held] };
  }
}

function stamp(file: string): string {
  try { const s = fs.statSync(file); return `${s.mtimeMs}:${s.size}`; } catch { return ''; }
}
