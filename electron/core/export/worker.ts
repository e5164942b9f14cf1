/** The export worker thread: runs one export and reports progress, the result or a typed error to its parent. */
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../../shared/errors';
import { runExport, type RunExportOptions } from './run';

export type WorkerMessage =
  | { type: 'progress'; phase: 'load' | 'build' | 'write'; done: number; total: number }
  | { type: 'done'; path: string; bytes: number; programs: number; maxRssMB: number }
  | { type: 'error'; code: string; params: Record<string, string | number>; detail?: string };

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const opts = (workerData as { options: RunExportOptions }).options;
try {
  const r = await runExport({ ...opts, onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }) });
  post({ type: 'done', ...r, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
} catch (e) {
  if (isAppError(e)) post({ type: 'error', code: e.code, params: e.params });
  else post({ type: 'error', code: 'EXPORT_FAILED', params: { detail: String((e as Error)?.message ?? e).slice(0, 300) }, detail: String((e as Error)?.stack ?? e) });
}
