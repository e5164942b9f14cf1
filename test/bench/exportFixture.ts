/** A generated masterplan of N programs (the demo's programs repeated across the Denpasar OPDs, with related OPDs),
 * written through the write path in batches. Used by the export benchmark and the export tests. */
import path from 'node:path';
import { createMasterplan } from '../../electron/core/services/masterplans';
import { DEMO_PROGRAMS } from '../../electron/core/demo/demoData';
import { uuidv7 } from '../../electron/core/ids';
import { programOpdId } from '../../shared/entities';
import type { RowChange } from '../../electron/core/db/masterplanDb';

export function generateMasterplan(dir: string, n: number): string {
  const file = path.join(dir, `generated-${n}.sqlite`);
  const mp = createMasterplan(file, {
    title: `Masterplan Smart City Kota Denpasar 2019–2028 (${n} program)`, regionName: 'Denpasar', regionKind: 'kota', province: 'Bali',
    periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021',
  }, 'bench-installation', { profile: { id: '01900000-0000-7000-8000-00000000bench', name: 'Bench', institution: 'Rembuk' } });
  const opds = mp.prepare('SELECT id FROM opd ORDER BY sort_order').pluck().all() as string[];
  let batch: RowChange[] = [];
  for (let i = 0; i < n; i++) {
    const d = DEMO_PROGRAMS[i % DEMO_PROGRAMS.length]!;
    const lead = opds[i % opds.length]!;
    const id = uuidv7();
    batch.push({
      entity: 'program', id,
      set: {
        leadOpdId: lead, title: `${d.title} ${Math.floor(i / DEMO_PROGRAMS.length) + 1}`, description: d.description, dimension: d.dimension,
        element: d.element, horizon: d.horizon, quickWin: d.quickWin, startYear: d.startYear, endYear: d.endYear, budget: d.budget,
        funding: d.funding, outputs: d.outputs, rpjmdRef: d.rpjmd, status: d.status === 'dropped' ? 'agreed' : d.status, notes: d.notes,
      },
    });
    if (i % 5 === 0) { const rel = opds[(i + 7) % opds.length]!; batch.push({ entity: 'programOpd', id: programOpdId(id, rel), set: { programId: id, opdId: rel } }); }
    if (batch.length >= 2000) { mp.write(batch); batch = []; }
  }
  mp.write(batch);
  mp.close();
  return file;
}
