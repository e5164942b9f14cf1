/** The demo masterplan: a Denpasar-like Bimtek IV with the full OPD list, 170+ programs across the six dimensions,
 * two facilitators' presentations and notes, and a few near-duplicates across OPDs. Written through the write path,
 * each facilitator on their own device, so the change log looks like real work. */
import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { OPD_TEMPLATES } from '../../../shared/reference';
import { MasterplanDb, type RowChange } from '../db/masterplanDb';
import { uuidv7, } from '../ids';
import { createMasterplan, registerDevice } from '../services/masterplans';
import { programOpdId } from '../../../shared/entities';
import { DEMO_FACILITATORS, DEMO_PRESENTATIONS, DEMO_PROGRAMS } from './demoData';

const SESSION_DAY = '2018-10-22';
/** Agenda positions that have presented in the demo; the rest are still waiting. */
const PRESENTED_BEFORE_BREAK = 31;

export function createDemo(file: string, installationId: string): MasterplanDb {
  if (fs.existsSync(file)) throw new AppError('FILE_EXISTS', { path: file });
  const facilitators = DEMO_FACILITATORS.map((f) => ({ id: uuidv7(), ...f }));
  const mp = createMasterplan(file, {
    title: 'Masterplan Smart City Kota Denpasar 2019–2028', regionName: 'Denpasar', regionKind: 'kota', province: 'Bali',
    periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021',
  }, installationId, { profile: facilitators[0]! });
  try {
    registerDevice(mp, { profile: facilitators[1]! }); // the second facilitator's device is described too
    const opdIds = new Map<string, string>();
    for (const r of mp.prepare('SELECT id, abbr FROM opd').all() as { id: string; abbr: string }[]) opdIds.set(r.abbr, r.id);
    const opdId = (abbr: string) => {
      const id = opdIds.get(abbr);
      if (!id) throw new Error(`demo data names an unknown OPD: ${abbr}`);
      return id;
    };

    const sessions: RowChange[] = [
      { entity: 'session', id: uuidv7(), set: { stage: 3, title: 'Bimtek Tahap III — Penyusunan Masterplan', dateStart: '2018-09-24', dateEnd: '2018-09-25', venue: 'Gedung Dharma Negara Alaya, Denpasar', notes: 'Penyusunan program jangka pendek, menengah dan panjang; pemilihan quick win per dimensi.' } },
    ];
    const bimtek4 = uuidv7();
    sessions.push({ entity: 'session', id: bimtek4, set: { stage: 4, title: 'Bimtek Tahap IV — Pemaparan Program OPD', dateStart: SESSION_DAY, dateEnd: SESSION_DAY, venue: 'Ruang Tirta Utama, Kantor PDAM Kota Denpasar', notes: 'Setiap OPD memaparkan program smart city; fokus: tidak ada program yang sama antar-OPD dan semua program bersinergi. Hadir pemantau dari KSP.' } });

    const template = OPD_TEMPLATES['kota-denpasar-2021']!.opds;
    // Where both facilitators took notes of the same presentation, the fuller (last) one leads and the other's
    // notes are kept under its author's name.
    const presented = new Map<string, (typeof DEMO_PRESENTATIONS)[number]>();
    for (const p of DEMO_PRESENTATIONS) {
      const earlier = presented.get(p.opd);
      if (!earlier) { presented.set(p.opd, p); continue; }
      const by = DEMO_FACILITATORS[earlier.facilitator]!.name;
      presented.set(p.opd, { ...p, summary: `${p.summary}\n\nCatatan ${by}: ${earlier.summary}`, recommendations: `${p.recommendations}\n${earlier.recommendations}` });
    }
    const presentationIds = new Map<string, string>();
    let minute = 9 * 60;
    const agenda: RowChange[] = template.map((o, i) => {
      const id = uuidv7();
      presentationIds.set(o.abbr, id);
      // Mid-afternoon of the workshop: the last OPDs on the agenda have not presented yet.
      const p = i < PRESENTED_BEFORE_BREAK ? presented.get(o.abbr) : undefined;
      const set: Record<string, unknown> = { sessionId: bimtek4, opdId: opdId(o.abbr), agendaOrder: i + 1, state: p ? 'done' : 'waiting' };
      if (p) {
        const start = new Date(`${SESSION_DAY}T00:00:00+08:00`);
        start.setMinutes(minute);
        const end = new Date(start.getTime() + 14 * 60_000);
        minute += 15;
        Object.assign(set, { presenterName: p.presenter, presenterPosition: p.position, summary: p.summary, recommendations: p.recommendations, startedAt: start.toISOString(), endedAt: end.toISOString() });
      }
      return { entity: 'presentation', id, set };
    });
    mp.write([...sessions, ...agenda]);
    const presentedAbbrs = new Set(template.slice(0, PRESENTED_BEFORE_BREAK).map((o) => o.abbr).filter((a) => presented.has(a)));

    const programs: RowChange[] = [];
    for (const p of DEMO_PROGRAMS) {
      const id = uuidv7();
      programs.push({
        entity: 'program', id,
        set: {
          leadOpdId: opdId(p.opd), presentationId: presentedAbbrs.has(p.opd) ? presentationIds.get(p.opd) ?? null : null,
          title: p.title, description: p.description, dimension: p.dimension, element: p.element, horizon: p.horizon,
          quickWin: p.quickWin, startYear: p.startYear, endYear: p.endYear, budget: p.budget, funding: p.funding,
          outputs: p.outputs, rpjmdRef: p.rpjmd, status: p.status, notes: p.notes,
        },
      });
      for (const r of p.relatedOpds) if (r !== p.opd) programs.push({ entity: 'programOpd', id: programOpdId(id, opdId(r)), set: { programId: id, opdId: opdId(r) } });
    }
    mp.write(programs);
    return mp;
  } catch (e) {
    mp.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}
