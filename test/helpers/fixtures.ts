/** Builders of real masterplan files for tests. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../electron/core/db/open';
import { migrate } from '../../electron/core/db/migrations';
import { rebuildFromLog } from '../../electron/core/db/rebuild';
import { ENTITIES } from '../../shared/entities';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { createMasterplan } from '../../electron/core/services/masterplans';
import { tmpDir } from './tmp';

export const ENTITY_TABLES = Object.values(ENTITIES).map((e) => e.table);

export const INSTALLATION = 'test-installation';
export const PROFILE = { id: '01900000-0000-7000-8000-000000000001', name: 'Ni Luh Putu Ayu', institution: 'Kominfo' };

export function newMasterplan(opts: { template?: string | null; dir?: string } = {}): MasterplanDb {
  const file = path.join(opts.dir ?? tmpDir(), 'mp.sqlite');
  return createMasterplan(file, {
    regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028,
    opdTemplate: opts.template === undefined ? 'kota-denpasar-2021' : opts.template,
  }, INSTALLATION, { profile: PROFILE });
}

/** Every listed table's rows, all columns, in rowid order (one file) or id order (copies made in different orders):
 * what "the data" is when comparing two files. */
export function dumpTables(mp: MasterplanDb | { prepare(sql: string): { all(): unknown[] } }, tables: string[], order: 'rowid' | 'id' = 'rowid'): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = mp.prepare(`SELECT * FROM ${t} ORDER BY ${order}`).all();
  return out;
}

/** The entity tables rebuilt from `mp`'s change log alone, in a fresh file. */
export function rebuiltTables(mp: MasterplanDb, order: 'rowid' | 'id' = 'rowid'): Record<string, unknown[]> {
  const target = new Database(path.join(tmpDir(), 'rebuilt.sqlite'));
  target.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(target);
  rebuildFromLog(mp.db, target);
  const out = dumpTables(target, ENTITY_TABLES, order);
  target.close();
  return out;
}
