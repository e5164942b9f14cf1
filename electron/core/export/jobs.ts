/** Export jobs: each runs in its own worker thread (which opens the masterplan file read-only itself), reports
 * progress as `export.progress` events, and can be cancelled (the worker is stopped and its temp file removed). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { ExportProgress } from '../../../shared/api/schemas';
import type { ExportSettingsValue } from '../../../shared/export';
import { translator } from '../../../shared/i18n';
import { checkTarget, tempPathFor, type ExportFormat, type RunExportOptions } from './run';
import type { WorkerMessage } from './worker';
import { workerSpec } from '../workerSpec';

export interface ExportJob {
  id: string; format: ExportFormat; path: string; temp: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  worker: Worker | null; maxRssMB?: number; programs?: number;
  finished: Promise<ExportJob>;
  stop(): Promise<void>;
}

const PROGRESS_INTERVAL_MS = 100;

export class ExportJobs {
  private jobs = new Map<string, ExportJob>();

  constructor(private emit: (p: ExportProgress) => void, private language: () => 'id' | 'en') {}

  get(jobId: string): ExportJob {
    const j = this.jobs.get(jobId);
    if (!j) throw new AppError('EXPORT_NOT_FOUND', { id: jobId });
    return j;
  }

  /** The finished file of a job (for download, open, show in folder). */
  fileOf(jobId: string): string {
    const j = this.get(jobId);
    if (j.state !== 'done' || !fs.existsSync(j.path)) throw new AppError('EXPORT_NOT_FOUND', { id: jobId });
    return j.path;
  }

  running(): ExportJob | undefined {
    return [...this.jobs.values()].find((j) => j.state === 'running');
  }

  start(opts: { dbPath: string; format: ExportFormat; outPath: string; overrides?: Partial<ExportSettingsValue> }): ExportJob {
    if (this.running()) throw new AppError('EXPORT_BUSY');
    const target = path.resolve(opts.outPath);
    checkTarget(target); // refuse at once, with a sentence, before a worker starts
    const id = crypto.randomBytes(9).toString('base64url').replace(/[^0-9A-Za-z]/g, 'x');
    const temp = tempPathFor(target, id);
    const options: RunExportOptions = { dbPath: opts.dbPath, format: opts.format, outPath: target, tempPath: temp, overrides: opts.overrides };
    const spec = workerSpec('export');
    const worker = new Worker(spec.url, { workerData: { options, entry: spec.entry } });
    let resolveDone!: (j: ExportJob) => void;
    const job: ExportJob = {
      id, format: opts.format, path: target, temp, state: 'running', worker, finished: new Promise((r) => { resolveDone = r; }),
      stop: async () => {
        if (job.state !== 'running') return;
        const w = job.worker;
        finish('cancelled', { done: 0 });
        await w?.terminate();
        fs.rmSync(temp, { force: true });
      },
    };
    this.jobs.set(id, job);
    const base = { jobId: id, format: opts.format };
    let last = 0;
    this.emit({ ...base, phase: 'queued', done: 0, total: 1 });
    const finish = (state: ExportJob['state'], extra: Partial<ExportProgress> = {}) => {
      if (job.state !== 'running') return;
      job.state = state;
      job.worker = null;
      if (state !== 'done') fs.rmSync(temp, { force: true });
      this.emit({ ...base, phase: state === 'running' ? 'build' : state, done: 1, total: 1, ...extra });
      resolveDone(job);
    };
    const fail = (code: string, params: Record<string, string | number> = {}) => {
      const message = translator(this.language())(`errors.${code as ErrorCode}`, { ...params, path: params.path ?? target, detail: params.detail ?? code });
      finish('failed', { error: { code, message } });
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && m.done !== 0 && m.done !== m.total) return;
        last = now;
        this.emit({ ...base, phase: m.phase, done: m.done, total: m.total });
      } else if (m.type === 'done') {
        job.maxRssMB = m.maxRssMB;
        job.programs = m.programs;
        finish('done', { path: m.path, fileName: path.basename(m.path) });
      } else fail(m.code, m.params);
    });
    worker.on('error', (e) => fail('EXPORT_FAILED', { detail: String(e.message).slice(0, 300) }));
    worker.on('exit', (code) => { if (job.state === 'running') fail('EXPORT_FAILED', { detail: `worker exit ${code}` }); });
    return job;
  }

  async cancel(jobId: string): Promise<void> {
    await this.get(jobId).stop();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.jobs.values()].filter((j) => j.state === 'running').map((j) => this.cancel(j.id)));
  }
}

/** A free file name in the data folder's exports/ subfolder: "<title>-<date>.docx", "-2", "-3" … */
export function defaultExportPath(dataDir: string, title: string, format: ExportFormat, today = new Date().toISOString().slice(0, 10)): string {
  const dir = path.join(dataDir, 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const slug = title.replace(/[–—]/g, '-').normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 80) || 'masterplan';
  let file = path.join(dir, `${slug}-${today}.${format}`);
  for (let i = 2; fs.existsSync(file); i++) file = path.join(dir, `${slug}-${today}-${i}.${format}`);
  return file;
}
