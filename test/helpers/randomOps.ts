/** Random operations through the app's own services: the load for the change-log and sync property tests. */
import fc from 'fast-check';
import type { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { createOpd, deleteOpd, reorderOpds, restoreOpd, updateOpd } from '../../electron/core/services/opds';
import { createSession, deleteSession, listPresentations, reorderPresentations, setPresentationState, updatePresentation } from '../../electron/core/services/sessions';
import { createProgram, deleteProgram, restoreProgram, setRelatedOpds, updateProgram } from '../../electron/core/services/programs';
import { updateMasterplan } from '../../electron/core/services/masterplans';
import { DIMENSIONS, FUNDING_IDS, HORIZON_IDS, STATUS_IDS } from '../../shared/reference';

const ELEMENTS = DIMENSIONS.flatMap((d) => d.elements.map((e) => e.id));
const TEXTS = ['Smart Parking', 'Antrean Puskesmas Daring', 'ᬤᬾᬦ᭄ᬧᬲᬃ ᬲ᭄ᬫᬭ᭄ᬢ᭄', 'Bank Sampah 🗑️♻️', 'baris satu\nbaris dua', 'x'.repeat(3000), '', 'مرحبا'];

export type Op = { kind: string; a: number; b: number; c: number; text: string };
export const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('opd.create', 'opd.update', 'opd.delete', 'opd.restore', 'opd.reorder', 'session.create', 'session.delete',
    'presentation.state', 'presentation.update', 'presentation.reorder', 'program.create', 'program.create', 'program.update',
    'program.update', 'program.update', 'program.delete', 'program.restore', 'program.related', 'masterplan.update'),
  a: fc.nat(), b: fc.nat(), c: fc.nat(), text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 40 })),
});

/** Applies one random operation through the services (the app's own paths); refusals (AppError) are part of life. */
export function apply(mp: MasterplanDb, op: Op): void {
  const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  const ids = (sql: string) => mp.prepare(sql).pluck().all() as string[];
  const opds = ids('SELECT id FROM opd WHERE deleted = 0 ORDER BY id');
  const programs = ids('SELECT id FROM program WHERE deleted = 0 ORDER BY id');
  const sessions = ids('SELECT id FROM bimtek_session WHERE deleted = 0 ORDER BY id');
  const title = op.text.trim() || `Program ${op.a}`;
  try {
    switch (op.kind) {
      case 'opd.create': createOpd(mp, { name: `OPD ${title}`.slice(0, 200), abbr: `O${op.a % 100}` }); break;
      case 'opd.update': { const id = pick(opds, op.a); if (id) updateOpd(mp, id, { name: `Dinas ${title}`.slice(0, 200) }); break; }
      case 'opd.delete': { const id = pick(opds, op.a); if (id) deleteOpd(mp, id); break; }
      case 'opd.restore': { const id = pick(ids('SELECT id FROM opd WHERE deleted = 1 ORDER BY id'), op.a); if (id) restoreOpd(mp, id); break; }
      case 'opd.reorder': reorderOpds(mp, [...opds].sort(() => (op.b % 3) - 1).slice(0, op.c % 6)); break;
      case 'session.create': createSession(mp, { stage: (op.a % 4) + 1, venue: op.text.slice(0, 100) }, 'id'); break;
      case 'session.delete': { const id = pick(sessions, op.a); if (id && op.b % 4 === 0) deleteSession(mp, id); break; }
      case 'presentation.state': {
        const s = pick(sessions, op.a); if (!s) break;
        const p = pick(listPresentations(mp, s), op.b); if (p) setPresentationState(mp, p.id, (['waiting', 'presenting', 'done'] as const)[op.c % 3]!, new Date(1_540_000_000_000 + op.a));
        break;
      }
      case 'presentation.update': {
        const s = pick(sessions, op.a); if (!s) break;
        const p = pick(listPresentations(mp, s), op.b); if (p) updatePresentation(mp, p.id, { summary: op.text, presenterName: title.slice(0, 100) });
        break;
      }
      case 'presentation.reorder': { const s = pick(sessions, op.a); if (s) reorderPresentations(mp, s, listPresentations(mp, s).map((p) => p.id).reverse().slice(0, op.b % 5)); break; }
      case 'program.create': {
        const lead = pick(opds, op.a); if (!lead) break;
        createProgram(mp, {
          leadOpdId: lead, title: title.slice(0, 400), description: op.text, element: pick(ELEMENTS, op.b) ?? null,
          horizon: pick(HORIZON_IDS, op.c) ?? null, startYear: 2019 + (op.a % 5), endYear: 2020 + (op.a % 5) + (op.b % 4),
          budget: (op.b % 7) * 125_000_000, funding: pick(FUNDING_IDS, op.b) ?? null, relatedOpdIds: opds.slice(0, op.c % 3),
        });
        break;
      }
      case 'program.update': {
        const id = pick(programs, op.a); if (!id) break;
        const patches = [
          { title: title.slice(0, 400) }, { description: op.text }, { budget: op.b * 1000 }, { status: pick(STATUS_IDS, op.b)! },
          { element: pick(ELEMENTS, op.b)! }, { quickWin: op.b % 2 === 0 }, { startYear: 2019 + (op.b % 10) }, { endYear: 2019 + (op.c % 10) },
          { leadOpdId: pick(opds, op.b)! }, { notes: op.text, outputs: `${op.text} / target ${op.c}` }, { funding: null, horizon: null },
        ];
        updateProgram(mp, id, patches[op.c % patches.length]!);
        break;
      }
      case 'program.delete': { const id = pick(programs, op.a); if (id) deleteProgram(mp, id); break; }
      case 'program.restore': { const id = pick(ids('SELECT id FROM program WHERE deleted = 1 ORDER BY id'), op.a); if (id) restoreProgram(mp, id); break; }
      case 'program.related': { const id = pick(programs, op.a); if (id) setRelatedOpds(mp, id, opds.filter((_, i) => (op.b >> i) & 1).slice(0, 4)); break; }
      case 'masterplan.update': updateMasterplan(mp, { province: op.text.slice(0, 100), periodEnd: 2028 + (op.a % 5) }); break;
    }
  } catch (e) {
    if ((e as Error).name !== 'AppError') throw e;
  }
}

