/** Automatic rotating backups of each masterplan file: a consistent snapshot (SQLite `VACUUM INTO`, safe while the
 * file is open) on open, every few minutes while edits happen (in a worker thread), before every import and before a
 * migration.
 * Kept in <data folder>/backups/<file key>/, newest first, bounded in count and size. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { APPLICATION_ID } from '../db/open';
import { workerSpec } from '../workerSpec';

export type BackupReason = 'open' | 'periodic' | 'before-import' | 'before-migration' | 'before-restore' | 'manual';
export interface BackupEntry { file: string; at: string; reason: BackupReason; bytes: number; programs: number | null }

const MAX_BACKUPS = 30;
const MAX_BYTES = 500 * 1024 * 1024;

/** One folder per masterplan file (by its absolute path), with the source path noted for recovery. */
export function backupDir(dataDir: string, dbFile: string): string {
  const key = crypto.createHash('sha256').update(path.resolve(dbFile)).digest('hex').slice(0, 16);
  const dir = path.join(dataDir, 'backups', `${path.basename(dbFile).replace(/\.[^.]+$/, '').slice(0, 40)}-${key}`);
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(dir, 'source.txt');
  if (!fs.existsSync(source)) fs.writeFileSync(source, path.resolve(dbFile));
  return dir;
}

function targetFor(dataDir: string, dbFile: string, reason: BackupReason): { dir: string; target: string } {
  const dir = backupDir(dataDir, dbFile);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return { dir, target: path.join(dir, `${stamp}--${reason}.sqlite`) };
}

/** Writes a snapshot of an open database, on this thread (before an import, a migration or a restore, which must wait
 * for it). Returns its path. */
export function backupNow(db: Database.Database, dataDir: string, dbFile: string, reason: BackupReason): string {
  const { dir, target } = targetFor(dataDir, dbFile, reason);
  db.prepare('VACUUM INTO ?').run(target);
  prune(dir);
  return target;
}

/** A snapshot taken by a worker thread with its own read-only connection, so that saving goes on meanwhile (a
 * 10,000-program file takes most of a second). `stop()` gives it up: it resolves once the worker has ended (a snapshot
 * under way finishes first: SQLite cannot be interrupted from outside) and the partial file is gone. */
export interface BackgroundBackup { done: Promise<string | null>; stop(): Promise<void> }

export function backupInBackground(dataDir: string, dbFile: string, reason: BackupReason): BackgroundBackup {
  const { dir, target } = targetFor(dataDir, dbFile, reason);
  const spec = workerSpec('backup');
  // written under another name and renamed when whole: an app that quits mid-backup leaves no half backup to restore
  const part = `${target}.part`;
  const worker = new Worker(spec.url, { workerData: { file: path.resolve(dbFile), target: part, entry: spec.entry } });
  let settled = false;
  const done = new Promise<string | null>((resolve) => {
    const end = (ok: boolean, why?: string) => {
      if (settled) return;
      settled = true;
      try {
        if (ok) { fs.renameSync(part, target); prune(dir); resolve(target); return; }
      } catch (e) { why = String(e); /* the rename failed (disk gone): a failed backup */ }
      if (why) console.warn(`rembuk: periodic backup failed: ${why}`);
      // an antivirus may still hold the file: the next prune removes it once it is an hour old
      try { fs.rmSync(part, { force: true }); } catch { /* left for prune */ }
      resolve(null);
    };
    worker.once('message', (m: { ok: boolean; message?: string }) => end(m.ok, m.message));
    worker.once('error', (e) => end(false, e.message));
    worker.once('exit', () => end(false)); // after a message this changes nothing
  });
  return { done, stop: async () => { if (!settled) { await worker.terminate(); await done; } } };
}

function prune(dir: string): void {
  // leftovers of a background backup cut short by a crash or a quit (an hour old: never one still being written)
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.part')) continue;
    const p = path.join(dir, f);
    try { if (Date.now() - fs.statSync(p).mtimeMs > 3_600_000) fs.rmSync(p, { force: true }); } catch { /* still open elsewhere: next time */ }
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort().reverse(); // newest first
  let total = 0;
  files.forEach((f, i) => {
    const p = path.join(dir, f);
    total += fs.statSync(p).size;
    if (i >= MAX_BACKUPS || (i > 0 && total > MAX_BYTES)) fs.rmSync(p, { force: true });
  });
}

export function listBackups(dataDir: string, dbFile: string): BackupEntry[] {
  const dir = backupDir(dataDir, dbFile);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort().reverse().map((f) => {
    const p = path.join(dir, f);
    const m = /^(.+?)--([a-z-]+)\.sqlite$/.exec(f);
    const at = m ? m[1]!.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1T$2:$3:$4.$5Z') : '';
    let programs: number | null = null;
    try {
      const db = new Database(p, { readonly: true, fileMustExist: true });
      try {
        if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) programs = db.prepare('SELECT count(*) FROM program WHERE deleted = 0').pluck().get() as number;
      } finally { db.close(); }
    } catch { programs = null; }
    return { file: p, at, reason: (m?.[2] ?? 'manual') as BackupReason, bytes: fs.statSync(p).size, programs };
  });
}

/** Puts a backup in place of the (closed) masterplan file. The current file is kept aside first, never overwritten. */
export function restoreBackup(backupFile: string, dbFile: string, keepAsideSuffix: string): string | null {
  if (!fs.existsSync(backupFile)) throw new AppError('FILE_NOT_FOUND', { path: backupFile });
  let aside: string | null = null;
  if (fs.existsSync(dbFile)) {
    aside = `${dbFile}.${keepAsideSuffix}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dbFile, aside);
  }
  for (const side of ['-wal', '-shm']) if (fs.existsSync(dbFile + side)) fs.renameSync(dbFile + side, (aside ?? dbFile) + side + '.old');
  fs.copyFileSync(backupFile, dbFile);
  return aside;
}
