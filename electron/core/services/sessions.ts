/** Bimtek sessions (workshop stages I–IV) and their agenda of OPD presentations. */
import { AppError } from '../../../shared/errors';
import { BIMTEK_STAGES, labelOf, type Lang, type PresentationState } from '../../../shared/reference';
import type { Presentation, Session } from '../../../shared/api/schemas';
import { uuidv7 } from '../ids';
import type { MasterplanDb, RowChange } from '../db/masterplanDb';

interface SessionRow { id: string; stage: number; title: string | null; date_start: string | null; date_end: string | null; venue: string | null; notes: string | null; deleted: number }

function toSession(r: SessionRow): Session {
  return { id: r.id, stage: r.stage, title: r.title, dateStart: r.date_start, dateEnd: r.date_end, venue: r.venue, notes: r.notes };
}

export function listSessions(mp: MasterplanDb): Session[] {
  return (mp.prepare('SELECT * FROM bimtek_session WHERE deleted = 0 ORDER BY stage, date_start, created_stamp').all() as SessionRow[]).map(toSession);
}

export function getSession(mp: MasterplanDb, id: string): Session {
  const r = mp.prepare('SELECT * FROM bimtek_session WHERE id = ?').get(id) as SessionRow | undefined;
  if (!r || r.deleted) throw new AppError('NOT_FOUND', { entity: 'session', id });
  return toSession(r);
}

function checkDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw new AppError('YEAR_RANGE', {}, 'dateEnd');
}

export interface SessionInput { stage: number; title?: string; dateStart?: string | null; dateEnd?: string | null; venue?: string; notes?: string }

/** Creates a session with every current OPD on its agenda, in the OPD order, all waiting. */
export function createSession(mp: MasterplanDb, input: SessionInput, lang: Lang): Session {
  checkDates(input.dateStart, input.dateEnd);
  const id = uuidv7();
  const title = input.title?.trim() || labelOf(BIMTEK_STAGES, input.stage, lang);
  const opds = mp.prepare('SELECT id FROM opd WHERE deleted = 0 ORDER BY sort_order, name').pluck().all() as string[];
  const changes: RowChange[] = [
    { entity: 'session', id, set: { stage: input.stage, title, dateStart: input.dateStart ?? null, dateEnd: input.dateEnd ?? null, venue: input.venue ?? '', notes: input.notes ?? '' } },
    ...opds.map((opdId, i) => ({ entity: 'presentation' as const, id: uuidv7(), set: { sessionId: id, opdId, agendaOrder: i + 1, state: 'waiting' } })),
  ];
  mp.write(changes);
  return getSession(mp, id);
}

export function updateSession(mp: MasterplanDb, id: string, patch: Partial<SessionInput>): Session {
  const cur = getSession(mp, id);
  checkDates(patch.dateStart !== undefined ? patch.dateStart : cur.dateStart, patch.dateEnd !== undefined ? patch.dateEnd : cur.dateEnd);
  mp.write([{ entity: 'session', id, set: patch }]);
  return getSession(mp, id);
}

export function deleteSession(mp: MasterplanDb, id: string): void {
  getSession(mp, id);
  mp.write([{ entity: 'session', id, delete: true }]);
}

// ---------- presentations ----------

interface PresentationRow {
  id: string; session_id: string; opd_id: string; opd_name: string; opd_abbr: string | null; presenter_name: string | null;
  presenter_position: string | null; started_at: string | null; ended_at: string | null; summary: string | null;
  recommendations: string | null; agenda_order: number; state: string; program_count: number; deleted: number;
}

const SELECT_PRESENTATION = `SELECT p.*, o.name AS opd_name, o.abbr AS opd_abbr,
  (SELECT count(*) FROM program g WHERE g.presentation_id = p.id AND g.deleted = 0) AS program_count
  FROM presentation p JOIN opd o ON o.id = p.opd_id`;

function toPresentation(r: PresentationRow): Presentation {
  return {
    id: r.id, sessionId: r.session_id, opdId: r.opd_id, opdName: r.opd_name, opdAbbr: r.opd_abbr, presenterName: r.presenter_name,
    presenterPosition: r.presenter_position, startedAt: r.started_at, endedAt: r.ended_at, summary: r.summary,
    recommendations: r.recommendations, agendaOrder: r.agenda_order, state: (r.state ?? 'waiting') as PresentationState,
    programCount: r.program_count,
  };
}

export function listPresentations(mp: MasterplanDb, sessionId: string): Presentation[] {
  getSession(mp, sessionId);
  const rows = mp.prepare(`${SELECT_PRESENTATION} WHERE p.session_id = ? AND p.deleted = 0 AND o.deleted = 0 ORDER BY p.agenda_order, o.sort_order`).all(sessionId) as PresentationRow[];
  return rows.map(toPresentation);
}

export function getPresentation(mp: MasterplanDb, id: string): Presentation {
  const r = mp.prepare(`${SELECT_PRESENTATION} WHERE p.id = ?`).get(id) as PresentationRow | undefined;
  if (!r || r.deleted) throw new AppError('NOT_FOUND', { entity: 'presentation', id });
  return toPresentation(r);
}

export function updatePresentation(mp: MasterplanDb, id: string, patch: Record<string, unknown>): Presentation {
  getPresentation(mp, id);
  mp.write([{ entity: 'presentation', id, set: patch }]);
  return getPresentation(mp, id);
}

/** Marks a presentation presenting / done / waiting. Only one presents at a time: starting one finishes the other. */
export function setPresentationState(mp: MasterplanDb, id: string, state: PresentationState, now = new Date()): Presentation[] {
  const p = getPresentation(mp, id);
  const at = now.toISOString();
  const changes: RowChange[] = [];
  if (state === 'presenting') {
    for (const other of listPresentations(mp, p.sessionId)) {
      if (other.id !== id && other.state === 'presenting') changes.push({ entity: 'presentation', id: other.id, set: { state: 'done', endedAt: other.endedAt ?? at } });
    }
    changes.push({ entity: 'presentation', id, set: { state, startedAt: p.startedAt ?? at, endedAt: null } });
  } else if (state === 'done') {
    changes.push({ entity: 'presentation', id, set: { state, startedAt: p.startedAt ?? at, endedAt: p.state === 'presenting' || !p.endedAt ? at : p.endedAt } });
  } else {
    changes.push({ entity: 'presentation', id, set: { state } });
  }
  mp.write(changes);
  return listPresentations(mp, p.sessionId);
}

export function reorderPresentations(mp: MasterplanDb, sessionId: string, ids: string[]): Presentation[] {
  const all = listPresentations(mp, sessionId);
  const known = new Set(all.map((p) => p.id));
  for (const id of ids) if (!known.has(id)) throw new AppError('NOT_FOUND', { entity: 'presentation', id });
  const order = [...new Set(ids), ...all.map((p) => p.id).filter((id) => !ids.includes(id))];
  mp.write(order.map((id, i) => ({ entity: 'presentation' as const, id, set: { agendaOrder: i + 1 } })));
  return listPresentations(mp, sessionId);
}

/** Puts an OPD on a session's agenda (at the end), or brings back its removed presentation. */
export function addPresentation(mp: MasterplanDb, sessionId: string, opdId: string): Presentation[] {
  getSession(mp, sessionId);
  const existing = mp.prepare('SELECT id, deleted FROM presentation WHERE session_id = ? AND opd_id = ?').get(sessionId, opdId) as { id: string; deleted: number } | undefined;
  if (existing) {
    if (existing.deleted) mp.write([{ entity: 'presentation', id: existing.id, restore: true }]);
  } else {
    const max = mp.prepare('SELECT coalesce(max(agenda_order), 0) FROM presentation WHERE session_id = ?').pluck().get(sessionId) as number;
    mp.write([{ entity: 'presentation', id: uuidv7(), set: { sessionId, opdId, agendaOrder: max + 1, state: 'waiting' } }]);
  }
  return listPresentations(mp, sessionId);
}
