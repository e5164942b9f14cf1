/** Worker thread for periodic backups: its own read-only connection takes the snapshot (`VACUUM INTO`) while the
 * main connection goes on saving; WAL mode lets both work at once. Started by backups.ts (`backupInBackground`). */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, target } = workerData as { file: string; target: string };
let answer: { ok: true } | { ok: false; message: string };
try {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try { db.prepare('VACUUM INTO ?').run(target); } finally { db.close(); }
  answer = { ok: true };
} catch (e) {
  answer = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(answer);
