/** The demo masterplan: a Denpasar-like Bimtek IV with the full OPD list, 190 programs across the six dimensions,
 * two facilitators' presentations and notes, and a few near-duplicates across OPDs. Written through the write path,
 * each facilitator under their own device id, so the change log and the history look like real work. */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { OPD_TEMPLATES } from '../../../shared/reference';
import { programOpdId } from '../../../shared/entities';
import { MasterplanDb, type RowChange } from '../db/masterplanDb';
import { uuidv7 } from '../ids';
import { createMasterplan, registerDevice } from '../services/masterplans';
import { DEMO_FACILITATORS, DEMO_PRESENTATIONS, DEMO_PROGRAMS, type DemoPresentation } from './demoData';

const SESSION_DAY = '2018-10-22';
/** Agenda positions that have presented in the demo (it is mid-afternoon); the rest are still waiting. */
const PRESENTED_BEFORE_BREAK = 31;

export function createDemo(file: string, installationId: string): MasterplanDb {
  if (fs.existsSync(file)) throw new AppError('FILE_EXISTS', { path: file });
  const facilitators = DEMO_FACILITATORS.map((f, i) => ({ id: `01900000-0000-7000-8000-00000000000${i + 1}`, ...f }));
  let mp = createMasterplan(file, {
    title: 'Masterplan Smart City Kota Denpasar 2019–2028', regionName: 'Denpasar', regionKind: 'kota', province: 'Bali',
    periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021',
  }, installationId, { profile: facilitators[0]! });
  try {
    const opdIds = new Map((mp.prepare('SELECT abbr, id FROM opd').all() as { id: string; abbr: string }[]).map((r) => [r.abbr, r.id]));
    const opdId = (abbr: string) => {
      const id = opdIds.get(abbr);
      if (!id) throw new Error(`demo data names an unknown OPD: ${abbr}`);
      return id;
    };

    // Where both facilitators took notes of one presentation, the fuller (last) one leads; the other's notes are kept
    // under its author's name.
    const presented = new Map<string, DemoPresentation>();
    for (const p of DEMO_PRESENTATIONS) {
      const earlier = presented.get(p.opd);
      if (!earlier) { presented.set(p.opd, p); continue; }
      const by = DEMO_FACILITATORS[earlier.facilitator]!.name;
      presented.set(p.opd, { ...p, summary: `${p.summary}\n\nCatatan ${by}: ${earlier.summary}`, recommendations: `${p.recommendations}\n${earlier.recommendations}` });
    }

    // Facilitator 1 sets up the sessions and the agenda.
    const bimtek4 = uuidv7();
    const template = OPD_TEMPLATES['kota-denpasar-2021']!.opds;
    const presentationIds = new Map(template.map((o) => [o.abbr, uuidv7()]));
    const done = new Set(template.slice(0, PRESENTED_BEFORE_BREAK).map((o) => o.abbr).filter((a) => presented.has(a)));
    mp.write([
      { entity: 'session', id: uuidv7(), set: { stage: 3, title: 'Bimtek Tahap III — Penyusunan Masterplan', dateStart: '2018-09-24', dateEnd: '2018-09-25', venue: 'Gedung Dharma Negara Alaya, Denpasar', notes: 'Penyusunan program jangka pendek, menengah dan panjang; pemilihan quick win per dimensi.' } },
      { entity: 'session', id: bimtek4, set: { stage: 4, title: 'Bimtek Tahap IV — Pemaparan Program OPD', dateStart: SESSION_DAY, dateEnd: SESSION_DAY, venue: 'Ruang Tirta Utama, Kantor PDAM Kota Denpasar', notes: 'Setiap OPD memaparkan program smart city; fokus: tidak ada program yang sama antar-OPD dan semua program bersinergi. Hadir pemantau dari KSP.' } },
      ...template.map((o, i): RowChange => ({ entity: 'presentation', id: presentationIds.get(o.abbr)!, set: { sessionId: bimtek4, opdId: opdId(o.abbr), agendaOrder: i + 1, state: 'waiting' } })),
    ]);

    // Each facilitator captures the OPDs they covered, on their own device; facilitator 1 also keeps the earlier
    // programs of OPDs that have not presented yet.
    for (const who of [0, 1] as const) {
      if (who === 1) {
        mp.close();
        mp = MasterplanDb.open(file, { installationId, profileId: facilitators[1]!.id });
        registerDevice(mp, { profile: facilitators[1]! });
      }
      const mine = (abbr: string) => (done.has(abbr) ? presented.get(abbr)!.facilitator === who : who === 0);
      let minute = 9 * 60;
      const changes: RowChange[] = [];
      for (const o of template) {
        const p = presented.get(o.abbr);
        if (!p || !done.has(o.abbr)) continue;
        const start = new Date(`${SESSION_DAY}T00:00:00+08:00`);
        start.setMinutes(minute);
        minute += 15;
        if (p.facilitator !== who) continue;
        changes.push({
          entity: 'presentation', id: presentationIds.get(o.abbr)!,
          set: { state: 'done', presenterName: p.presenter, presenterPosition: p.position, summary: p.summary, recommendations: p.recommendations, startedAt: start.toISOString(), endedAt: new Date(start.getTime() + 14 * 60_000).toISOString() },
        });
      }
      for (const p of DEMO_PROGRAMS) {
        if (!mine(p.opd)) continue;
        const id = uuidv7();
        changes.push({
          entity: 'program', id,
          set: {
            leadOpdId: opdId(p.opd), presentationId: done.has(p.opd) ? presentationIds.get(p.opd)! : null,
            title: p.title, description: p.description, dimension: p.dimension, element: p.element, horizon: p.horizon,
            quickWin: p.quickWin, startYear: p.startYear, endYear: p.endYear, budget: p.budget, funding: p.funding,
            outputs: p.outputs, rpjmdRef: p.rpjmd, status: p.status, notes: p.notes,
          },
        });
        for (const r of p.relatedOpds) if (r !== p.opd) changes.push({ entity: 'programOpd', id: programOpdId(id, opdId(r)), set: { programId: id, opdId: opdId(r) } });
      }
      mp.write(changes);
    }
    return mp;
  } catch (e) {
    mp.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}
