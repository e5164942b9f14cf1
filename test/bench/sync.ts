/** Sync benchmark: import / re-import / export of an exchange file with ~100,000 changes, beside a bare INSERT of the
 * same rows into an indexed table (the reference), measured in the same run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RowChange } from '../../electron/core/db/masterplanDb';
import { createMasterplan } from '../../electron/core/services/masterplans';
import { uuidv7 } from '../../electron/core/ids';
import { DEMO_PROGRAMS } from '../../electron/core/demo/demoData';
import { applyImport, exportWork, joinFromFile, readIncoming } from '../../electron/core/sync/service';
import type { WireChange } from '../../electron/core/sync/exchangeFile';

const TARGET_CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 100_000);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export async function runSyncBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-syncbench-'));
  const profile = { id: 'bench-profile', name: 'Bench', institution: '' };
  const src = createMasterplan(path.join(dir, 'a.sqlite'), { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' }, 'inst-a', { profile });
  const opds = src.prepare('SELECT id FROM opd').pluck().all() as string[];
  const batch: RowChange[] = [];
  for (let i = 0; src.changeCount() + batch.length * 17 < TARGET_CHANGES; i++) {
    const d = DEMO_PROGRAMS[i % DEMO_PROGRAMS.length]!;
    batch.push({ entity: 'program', id: uuidv7(), set: { leadOpdId: opds[i % opds.length], title: `${d.title} ${i}`, description: d.description, dimension: d.dimension, element: d.element, horizon: d.horizon, quickWin: d.quickWin, startYear: d.startYear, endYear: d.endYear, budget: d.budget, funding: d.funding, outputs: d.outputs, rpjmdRef: d.rpjmd, status: d.status, notes: d.notes } });
    if (batch.length === 500) src.write(batch.splice(0));
  }
  src.write(batch.splice(0));
  const changes = src.changeCount();

  let t = process.hrtime.bigint();
  const exported = exportWork(src, { facilitator: 'Bench', appVersion: 'bench' });
  const file = path.join(dir, 'a.rembuk');
  fs.writeFileSync(file, exported.bytes);
  const exportMs = ms(t);

  // reference: a bare INSERT of the same rows into a table with the change log's indexes
  const rows = src.prepare('SELECT stamp, device, entity, row_id, field, value, parent FROM change_log').raw().all() as WireChange[];
  const ref = new Database(path.join(dir, 'ref.sqlite'));
  ref.pragma('journal_mode = WAL'); ref.pragma('synchronous = NORMAL');
  ref.exec(`CREATE TABLE c (seq INTEGER PRIMARY KEY, stamp TEXT NOT NULL, device TEXT NOT NULL, entity TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT, parent TEXT, UNIQUE (stamp, device)) STRICT;
    CREATE INDEX c_field ON c(entity, row_id, field, stamp); CREATE INDEX c_row ON c(entity, row_id);`);
  const ins = ref.prepare('INSERT INTO c (stamp, device, entity, row_id, field, value, parent) VALUES (?, ?, ?, ?, ?, ?, ?)');
  t = process.hrtime.bigint();
  ref.transaction(() => { for (const r of rows) ins.run(...r); })();
  const bareMs = ms(t);
  ref.close();

  // import into a fresh copy (join), then the same file again
  t = process.hrtime.bigint();
  const { mp: copy } = joinFromFile(path.join(dir, 'b.sqlite'), readIncoming(file), 'inst-b', { profile: { ...profile, id: 'p2' } });
  const importMs = ms(t);
  t = process.hrtime.bigint();
  const again = applyImport(copy, readIncoming(file), true);
  const reimportMs = ms(t);
  if (again.changes.new !== 0) throw new Error('re-import was not idempotent');
  copy.close(); src.close();

  const f = (n: number) => `${n.toFixed(0)} ms`;
  console.log(`\nSync — ${changes} changes (${rows.length} rows), exchange file ${(exported.bytes.length / 1024).toFixed(0)} KiB = ${(exported.bytes.length / changes).toFixed(1)} bytes per change`);
  console.log(`import into a new copy (decode + validate + merge)   ${f(importMs).padEnd(9)} bare INSERT of the same rows ${f(bareMs).padEnd(8)} ${(importMs / bareMs).toFixed(2)}×  (goal ≤ 3×)`);
  console.log(`re-import of the same file (all known)              ${f(reimportMs).padEnd(9)} bare INSERT of the same rows ${f(bareMs).padEnd(8)} ${(reimportMs / bareMs).toFixed(2)}×  (goal ≤ 1×)`);
  console.log(`export of all changes to a file                     ${f(exportMs).padEnd(9)} (goal ≤ 1000 ms)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('sync.ts')) await runSyncBench();
