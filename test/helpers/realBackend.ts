/** The real backend (handlers over a real SQLite file in a temp folder) for component tests that replace only the
 * transport. Loaded by component tests through a dynamic import, so the web tsconfig never compiles Node code. */
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { createProgram } from '../../electron/core/services/programs';
import { tmpDir } from './tmp';

export function createRealBackend() {
  const ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
  ws.saveProfile('Ni Luh Putu Ayu', 'Kominfo');
  ws.create({ regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
  const mp = ws.require();
  const handlers = createHandlers(ws);
  return {
    async call(name: string, input: unknown): Promise<unknown> {
      const r = await dispatch(handlers, name, input, { language: () => 'id' });
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.data;
    },
    opdId: (abbr: string) => mp.prepare('SELECT id FROM opd WHERE abbr = ?').pluck().get(abbr) as string,
    createProgram: (fields: { leadOpdId: string; title: string; description?: string; element?: string }) => createProgram(mp, fields).id,
    all: (sql: string) => mp.prepare(sql).all() as Record<string, unknown>[],
    /** Starts Bimtek IV (every OPD on the agenda) if needed and returns the presentation of an OPD. */
    async presentationOf(opdId: string): Promise<string> {
      if (!mp.prepare('SELECT 1 FROM bimtek_session').get()) await this.call('session.create', { stage: 4 });
      return mp.prepare('SELECT id FROM presentation WHERE opd_id = ?').pluck().get(opdId) as string;
    },
  };
}
