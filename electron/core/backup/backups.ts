/** Automatic rotating backups of each masterplan file: a consistent snapshot (SQLite `VACUUM INTO`, safe while the
 * file is open) on open, every few minutes while edits happen, before every import and before a migration.
 * Kept in <data folder>/backups/<file key>/, newest first, bounded in count and size. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { APPLICATION_ID } from '../db/open';

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

/** Writes a snapshot of an open database. Returns its path. */
export function backupNow(db: Database.Database, dataDir: string, dbFile: string, reason: BackupReason): string {
  const dir = backupDir(dataDir, dbFile);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${stamp}--${reason}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  prune(dir);
  return target;
}

function prune(dir: string): void {
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
