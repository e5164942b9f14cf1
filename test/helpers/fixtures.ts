/** Builders of real masterplan files for tests. */
import path from 'node:path';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { createMasterplan } from '../../electron/core/services/masterplans';
import { tmpDir } from './tmp';

export const INSTALLATION = 'test-installation';
export const PROFILE = { id: '01900000-0000-7000-8000-000000000001', name: 'Ni Luh Putu Ayu', institution: 'Kominfo' };

export function newMasterplan(opts: { template?: string | null; dir?: string } = {}): MasterplanDb {
  const file = path.join(opts.dir ?? tmpDir(), 'mp.sqlite');
  return createMasterplan(file, {
    regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028,
    opdTemplate: opts.template === undefined ? 'kota-denpasar-2021' : opts.template,
  }, INSTALLATION, { profile: PROFILE });
}

/** Every entity table's rows, all columns, in rowid order: what "the data" is when comparing two files. */
export function dumpTables(mp: MasterplanDb | { prepare(sql: string): { all(): unknown[] } }, tables: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = mp.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
  return out;
}
