/** One export, start to finish: check the target, read the masterplan file (read-only), build the document, and write
 * it atomically (a temp file in the same folder, then rename), so a failure or a cancel never leaves a half-written
 * file and never touches an existing one. Runs inside the export worker (see jobs.ts) and in the CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportSettingsValue } from '../../../shared/export';
import { openDatabase } from '../db/open';
import { loadModel } from './model';

export type ExportFormat = 'docx' | 'xlsx';
export type Phase = 'load' | 'build' | 'write';
export interface RunExportOptions {
  dbPath: string;
  format: ExportFormat;
  outPath: string;
  /** Temp file to write first; by default next to the target. */
  tempPath?: string;
  overrides?: Partial<ExportSettingsValue>;
  today?: string;
  onProgress?: (phase: Phase, done: number, total: number) => void;
}
export interface RunExportResult { path: string; bytes: number; programs: number }

export function tempPathFor(outPath: string, tag: string): string {
  return path.join(path.dirname(outPath), `.${path.basename(outPath)}.${tag}.rembuk-tmp`);
}

/** Files that Word (~$name) and LibreOffice (.~lock.name#) create beside a document they have open. */
function lockFiles(target: string): string[] {
  const dir = path.dirname(target), base = path.basename(target);
  return [path.join(dir, `~$${base}`), path.join(dir, `~$${base.slice(2)}`), path.join(dir, `.~lock.${base}#`)];
}

/** Refuses a target the export could not replace cleanly, before any work is done. */
export function checkTarget(target: string): void {
  const dir = path.dirname(target);
  let st: fs.Stats;
  try { st = fs.statSync(dir); } catch { throw new AppError('FOLDER_NOT_FOUND', { path: dir }); }
  if (!st.isDirectory()) throw new AppError('FOLDER_NOT_FOUND', { path: dir });
  try { fs.accessSync(dir, fs.constants.W_OK); } catch { throw new AppError('FOLDER_READONLY', { path: dir }); }
  // access() says yes to root and on some network or removable drives even when writing fails: try for real.
  const probe = path.join(dir, `.rembuk-probe-${process.pid}-${Date.now()}`);
  try { fs.writeFileSync(probe, ''); fs.rmSync(probe, { force: true }); } catch (e) { throw writeError(e, path.join(dir, '.probe')); }
  if (lockFiles(target).some((f) => fs.existsSync(f))) throw new AppError('EXPORT_TARGET_LOCKED', { path: target });
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new AppError('FILE_EXISTS', { path: target });
    try { fs.accessSync(target, fs.constants.W_OK); } catch { throw new AppError('FILE_READONLY', { path: target }); }
  }
}
export function writeError(e: unknown, target: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const dir = path.dirname(target);
  if (code === 'EBUSY' || code === 'ETXTBSY') return new AppError('EXPORT_TARGET_LOCKED', { path: target });
  if (code === 'EPERM' || code === 'EACCES') return fs.existsSync(target) && process.platform === 'win32' ? new AppError('EXPORT_TARGET_LOCKED', { path: target }) : new AppError('FOLDER_READONLY', { path: dir });
  if (code === 'EROFS') return new AppError('FOLDER_READONLY', { path: dir });
  if (code === 'ENOENT') return new AppError('FOLDER_NOT_FOUND', { path: dir });
  if (code === 'ENOSPC') return new AppError('DISK_FULL', { path: dir });
  return new AppError('EXPORT_FAILED', { detail: String(code ?? (e as Error).message ?? e) });
}

/** Writes `data` to `target` through `temp` (same folder): fsync, then rename over the target. */
export function writeAtomically(target: string, temp: string, data: Buffer): void {
  try {
    const fd = fs.openSync(temp, 'w');
    try { fs.writeSync(fd, data); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw writeError(e, target);
  }
}

export async function runExport(opts: RunExportOptions): Promise<RunExportResult> {
  const target = path.resolve(opts.outPath);
  checkTarget(target);
  const progress = opts.onProgress ?? (() => {});
  progress('load', 0, 1);
  const db = openDatabase(path.resolve(opts.dbPath), { readonly: true, skipCheck: true });
  let model;
  try { model = loadModel(db, { overrides: opts.overrides, today: opts.today }); } finally { db.close(); }
  progress('load', 1, 1);
  // Each format's library is loaded only when needed (startup of the CLI and the worker).
  const data = opts.format === 'docx'
    ? await (await import('./docx/build')).buildDocx(model, (phase, done, total) => progress(phase, done, total))
    : await (await import('./xlsx')).buildXlsx(model, (done, total) => progress('build', done, total));
  progress('write', 0, 1);
  writeAtomically(target, opts.tempPath ?? tempPathFor(target, String(process.pid)), data);
  progress('write', 1, 1);
  return { path: target, bytes: data.length, programs: model.programs.length };
}
