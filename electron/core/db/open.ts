/** Opening a masterplan file: refuse what is not ours or is too new, migrate what is older, set the pragmas. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { LATEST_VERSION, migrate } from './migrations';

/** PRAGMA application_id of a Rembuk masterplan file ("RMBK"). */
export const APPLICATION_ID = 0x524d424b;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions { create?: boolean; readonly?: boolean; /** Skip PRAGMA quick_check (a read-only reader that opens a file the app already checked, e.g. the export worker). */ skipCheck?: boolean;
  /** Called before an older file is migrated (the app backs it up there). */
  beforeMigrate?: (db: Database.Database) => void;
}

function fsError(e: unknown, file: string): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('FILE_NOT_FOUND', { path: file });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('FILE_READONLY', { path: file });
  if (code === 'ENOSPC') return new AppError('DISK_FULL', { path: file });
  if (code === 'EISDIR') return new AppError('NOT_SQLITE', { path: file });
  return new AppError('FILE_CORRUPT', { path: file, detail: String(code ?? e) });
}

export function sqliteError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new AppError('NOT_SQLITE', { path: file });
  if (code === 'SQLITE_CORRUPT') return new AppError('FILE_CORRUPT', { path: file, detail: code });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('FILE_LOCKED', { path: file });
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('FILE_READONLY', { path: file });
  }
  if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', { path: file });
  if ((e as NodeJS.ErrnoException).errno !== undefined && !code.startsWith('SQLITE')) return fsError(e, file);
  return new AppError('FILE_CORRUPT', { path: file, detail: code || String(e) });
}

/** Checks the first bytes before SQLite sees the file, so a JPEG or a Word file gets a plain sentence. */
function assertSqliteHeader(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return; // an empty file is a new database
    if (n < 16 || !head.equals(SQLITE_MAGIC)) throw new AppError('NOT_SQLITE', { path: file });
  } catch (e) {
    throw e instanceof AppError ? e : fsError(e, file);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new AppError('FILE_NOT_FOUND', { path: file });
  if (!exists) {
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) throw new AppError('FOLDER_NOT_FOUND', { path: dir });
    try { fs.accessSync(dir, fs.constants.W_OK); } catch { throw new AppError('FOLDER_READONLY', { path: dir }); }
  } else {
    if (fs.statSync(file).isDirectory()) throw new AppError('NOT_SQLITE', { path: file });
    assertSqliteHeader(file);
    if (!opts.readonly) {
      try { fs.accessSync(file, fs.constants.W_OK); } catch { throw new AppError('FILE_READONLY', { path: file }); }
      try { fs.accessSync(path.dirname(file), fs.constants.W_OK); } catch { throw new AppError('FOLDER_READONLY', { path: path.dirname(file) }); }
    }
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !opts.create, timeout: 2000 });
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tableCount = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (tableCount > 0 || version > 0)) throw new AppError('NOT_REMBUK', { path: file });
    if (version > LATEST_VERSION) throw new AppError('NEWER_VERSION', { path: file, version, supported: LATEST_VERSION });
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a commit survives an app crash at once and an OS crash or power loss once the WAL is
      // synced; MasterplanDb syncs it (checkpoint) within two seconds of the last write. See docs/performance.md.
      db.pragma('synchronous = NORMAL');
      // Checkpoints (the only fsyncs) run on MasterplanDb's idle timer, not inside a save.
      db.pragma('wal_autocheckpoint = 0');
      if (appId !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
      if (version > 0 && version < LATEST_VERSION) opts.beforeMigrate?.(db);
      migrate(db);
    }
    db.pragma('foreign_keys = ON');
    const check = opts.skipCheck ? 'ok' : db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new AppError('FILE_CORRUPT', { path: file, detail: String(check) });
    return db;
  } catch (e) {
    db?.close();
    const code = (e as { code?: string }).code ?? '';
    if (!exists && /^SQLITE_(CANTOPEN|READONLY|PERM)/.test(code)) {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
      throw new AppError('FOLDER_READONLY', { path: path.dirname(file) });
    }
    throw sqliteError(e, file);
  }
}
