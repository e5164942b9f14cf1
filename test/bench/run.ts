/** `npm run bench`: performance of live capture at 10,000 programs, each figure beside its reference measured in
 * the same run. Prints a table; no assertions (see docs/performance.md for the goals and the last figures). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { DEMO_PROGRAMS } from '../../electron/core/demo/demoData';
import { uuidv7 } from '../../electron/core/ids';
import type { RowChange } from '../../electron/core/db/masterplanDb';
import { runSyncBench } from './sync';
import { runExportBench } from './export';
import { runSimilarityBench } from './similarity';

const N = Number(process.env.BENCH_PROGRAMS ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-bench-'));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function time(runs: number, fn: (i: number) => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}
async function timeAsync(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out.sort((a, b) => a - b);
}

const ws = new Workspace({ dataDir: dir, version: 'bench', canPickFiles: false });
ws.saveProfile('Bench', 'Rembuk');
const handlers = createHandlers(ws);
const api = async (name: string, input: unknown) => {
  const r = await dispatch(handlers, name, input, { language: () => 'id' });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data as never;
};

const t0 = Date.now();
await api('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
const session = (await api('session.create', { stage: 4 })) as { id: string };
const opds = (await api('opd.list', {})) as { id: string; abbr: string }[];
const mp = ws.require();
const presentations = (await api('presentation.list', { sessionId: session.id })) as { id: string; opdId: string }[];
const byOpd = new Map(presentations.map((p) => [p.opdId, p.id]));
const batch: RowChange[] = [];
for (let i = 0; i < N; i++) {
  const d = DEMO_PROGRAMS[i % DEMO_PROGRAMS.length]!;
  const lead = opds[i % opds.length]!;
  batch.push({
    entity: 'program', id: uuidv7(),
    set: {
      leadOpdId: lead.id, presentationId: byOpd.get(lead.id) ?? null, title: `${d.title} ${Math.floor(i / DEMO_PROGRAMS.length) + 1}`,
      description: d.description, dimension: d.dimension, element: d.element, horizon: d.horizon, quickWin: d.quickWin,
      startYear: d.startYear, endYear: d.endYear, budget: d.budget, funding: d.funding, outputs: d.outputs, rpjmdRef: d.rpjmd, status: d.status, notes: d.notes,
    },
  });
  if (batch.length === 1000) mp.write(batch.splice(0));
}
mp.write(batch.splice(0));
const setupMs = Date.now() - t0;
const programIds = mp.prepare('SELECT id FROM program ORDER BY random() LIMIT 2000').pluck().all() as string[];
const changes = mp.changeCount();

// 1. Saving one edited field through the API handler vs a bare single-row UPDATE (same file, same pragmas).
const RUNS = 3000;
for (let i = 0; i < 200; i++) await api('program.update', { id: programIds[i % programIds.length], patch: { notes: `warm ${i}` } });
const handler = await timeAsync(RUNS, (i) => api('program.update', { id: programIds[i % programIds.length], patch: { notes: `catatan fasilitator ${i}` } }));
const bare = mp.db.prepare('UPDATE program SET notes = ? WHERE id = ?');
const floor = time(RUNS, (i) => bare.run(`catatan langsung ${i}`, programIds[i % programIds.length]));

// 2. Loading the capture screen's data for one OPD (the four calls the screen makes).
const busiest = opds[0]!;
const capture = await timeAsync(200, async () => {
  await api('session.list', {});
  await api('opd.list', {});
  await api('presentation.list', { sessionId: session.id });
  await api('program.listForOpd', { opdId: busiest.id });
});
const captureRows = (mp.prepare('SELECT count(*) FROM program WHERE lead_opd_id = ?').pluck().get(busiest.id) as number);
const listOnly = time(200, () => mp.prepare('SELECT * FROM program WHERE lead_opd_id = ? AND deleted = 0').all(busiest.id));

// 3. Full-text search through the API vs a LIKE scan of the same columns.
const queries = ['puskesmas', 'parkir elektronik', 'sampah', 'smart', 'antrean daring', 'wisata budaya', 'cctv', 'umkm'];
const fts = await timeAsync(400, (i) => api('program.query', { filter: { search: queries[i % queries.length] } }));
const like = mp.db.prepare("SELECT count(*) FROM program WHERE title LIKE ? OR description LIKE ? OR outputs LIKE ? OR notes LIKE ?");
const likeScan = time(80, (i) => { const q = `%${queries[i % queries.length]}%`; like.get(q, q, q, q); });
// Search right after an edit: the index catches up with the edited program inside the timed search.
const afterEdit: number[] = [];
for (let i = 0; i < 200; i++) {
  await api('program.update', { id: programIds[i], patch: { description: `deskripsi baru ${i} puskesmas keliling` } });
  const t = process.hrtime.bigint();
  await api('program.query', { filter: { search: queries[i % queries.length] } });
  afterEdit.push(Number(process.hrtime.bigint() - t) / 1e6);
}
afterEdit.sort((a, b) => a - b);
const ftsFirstPage = await timeAsync(400, (i) => api('program.query', { filter: { search: queries[i % queries.length] }, limit: 200 }));

const f = (n: number) => n.toFixed(3);
const rows: [string, string, string, string, string][] = [
  ['save one field via API handler (p99)', `${f(percentile(handler, 99))} ms`, 'bare single-row UPDATE p99', `${f(percentile(floor, 99))} ms`, `${(percentile(handler, 99) / percentile(floor, 99)).toFixed(1)}×  (goal ≤ 1 ms)`],
  ['save one field via API handler (p50)', `${f(percentile(handler, 50))} ms`, 'bare single-row UPDATE p50', `${f(percentile(floor, 50))} ms`, `${(percentile(handler, 50) / percentile(floor, 50)).toFixed(1)}×`],
  [`capture screen data, one OPD (${captureRows} programs) p95`, `${f(percentile(capture, 95))} ms`, 'bare SELECT of its programs p95', `${f(percentile(listOnly, 95))} ms`, `${(percentile(capture, 95) / percentile(listOnly, 95)).toFixed(1)}×  (goal ≤ 50 ms)`],
  ['full-text search via API, all hits (p95)', `${f(percentile(fts, 95))} ms`, 'LIKE scan of the same columns p95', `${f(percentile(likeScan, 95))} ms`, `${(percentile(fts, 95) / percentile(likeScan, 95)).toFixed(2)}×  (goal ≤ 20 ms)`],
  ['full-text search right after an edit (p95)', `${f(percentile(afterEdit, 95))} ms`, 'LIKE scan of the same columns p95', `${f(percentile(likeScan, 95))} ms`, `${(percentile(afterEdit, 95) / percentile(likeScan, 95)).toFixed(2)}×  (goal ≤ 20 ms)`],
  ['full-text search via API, first 200 (p95)', `${f(percentile(ftsFirstPage, 95))} ms`, 'LIKE scan of the same columns p95', `${f(percentile(likeScan, 95))} ms`, `${(percentile(ftsFirstPage, 95) / percentile(likeScan, 95)).toFixed(2)}×`],
];
console.log(`\nRembuk benchmark — ${N} programs, ${changes} change-log rows, built in ${(setupMs / 1000).toFixed(1)} s; Node ${process.version}, ${os.cpus().length} cores`);
console.log('synchronous=NORMAL in WAL mode (see docs/performance.md)\n');
const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c]!.length), 8));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
ws.close();
fs.rmSync(dir, { recursive: true, force: true });

await runSyncBench();
await runExportBench();
await runSimilarityBench();
