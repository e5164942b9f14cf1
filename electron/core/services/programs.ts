/** Programs: capture, edit, delete/restore, related OPDs, queries with full-text search, and field history. */
import { AppError } from '../../../shared/errors';
import { DIMENSIONS, dimensionOfElement, elementBelongsTo } from '../../../shared/reference';
import { programOpdId } from '../../../shared/entities';
import type { HistoryEntry, Program, ProgramFilter, ProgramRow } from '../../../shared/api/schemas';
import { uuidv7 } from '../ids';
import { rowToApi, type MasterplanDb, type RowChange } from '../db/masterplanDb';
import { ftsQuery } from '../search/ftsQuery';
import { refreshSearchIndex } from '../search/ftsIndex';
import { getOpd } from './opds';

export type ProgramPatch = Partial<Omit<Program, 'id' | 'deleted' | 'relatedOpdIds' | 'createdAt' | 'updatedAt'>>;

function relatedOf(mp: MasterplanDb, programIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (programIds.length === 0) return out;
  const rows = programIds.length === 1
    ? (mp.prepare('SELECT program_id, opd_id FROM program_opd WHERE program_id = ? AND deleted = 0 ORDER BY created_stamp').all(programIds[0]) as { program_id: string; opd_id: string }[])
    : (mp.prepare(`SELECT program_id, opd_id FROM program_opd WHERE deleted = 0 AND program_id IN (SELECT value FROM json_each(?)) ORDER BY created_stamp`).all(JSON.stringify(programIds)) as { program_id: string; opd_id: string }[]);
  for (const r of rows) {
    const list = out.get(r.program_id) ?? [];
    list.push(r.opd_id);
    out.set(r.program_id, list);
  }
  return out;
}

function stampTime(stamp: unknown): string | null {
  return typeof stamp === 'string' ? stamp.slice(0, 24) : null;
}

function toProgram(raw: Record<string, unknown>, related: string[]): Program {
  const a = rowToApi('program', raw);
  return {
    id: a.id as string, leadOpdId: a.leadOpdId as string, presentationId: a.presentationId as string | null,
    title: (a.title as string) ?? '', description: a.description as string | null, dimension: a.dimension as string | null,
    element: a.element as string | null, horizon: a.horizon as string | null, quickWin: !!a.quickWin,
    startYear: a.startYear as number | null, endYear: a.endYear as number | null, budget: a.budget as number | null,
    funding: a.funding as string | null, outputs: a.outputs as string | null, rpjmdRef: a.rpjmdRef as string | null,
    status: (a.status as string) ?? 'proposed', notes: a.notes as string | null, deleted: !!a.deleted,
    relatedOpdIds: related, createdAt: stampTime(a.createdStamp), updatedAt: stampTime(a.updatedStamp),
  };
}

export function getProgram(mp: MasterplanDb, id: string, allowDeleted = true): Program {
  const raw = mp.prepare('SELECT * FROM program WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!raw || (raw.deleted && !allowDeleted)) throw new AppError('NOT_FOUND', { entity: 'program', id });
  return toProgram(raw, relatedOf(mp, [id]).get(id) ?? []);
}

/** The capture screen's list: the programs an OPD leads, oldest first. */
export function listProgramsForOpd(mp: MasterplanDb, opdId: string): Program[] {
  const rows = mp.prepare('SELECT * FROM program WHERE lead_opd_id = ? AND deleted = 0 ORDER BY created_stamp').all(opdId) as Record<string, unknown>[];
  const related = relatedOf(mp, rows.map((r) => r.id as string));
  return rows.map((r) => toProgram(r, related.get(r.id as string) ?? []));
}

/** Rules across fields, checked against the row as it will be after the patch. Returns the patch, completed. */
function checkProgram(mp: MasterplanDb, merged: ProgramPatch, patch: ProgramPatch): ProgramPatch {
  const out = { ...patch };
  if (patch.leadOpdId !== undefined) getOpd(mp, patch.leadOpdId);
  if (patch.presentationId) {
    const ok = mp.prepare('SELECT 1 FROM presentation WHERE id = ? AND deleted = 0').get(patch.presentationId);
    if (!ok) throw new AppError('NOT_FOUND', { entity: 'presentation', id: patch.presentationId }, 'presentationId');
  }
  if (patch.element !== undefined && patch.element !== null) {
    const dim = dimensionOfElement(patch.element);
    if (!dim) throw new AppError('FIELD_INVALID', {}, 'element');
    if (patch.dimension === undefined) { out.dimension = dim.id; merged.dimension = dim.id; }
  }
  if (merged.element && merged.dimension && !elementBelongsTo(merged.dimension, merged.element)) {
    if (patch.dimension !== undefined && patch.element === undefined) { out.element = null; merged.element = null; } // new dimension: the old element no longer fits
    else throw new AppError('ELEMENT_MISMATCH', {}, 'element');
  }
  if (patch.horizon === 'quick-win' && patch.quickWin === undefined) out.quickWin = true;
  if (merged.startYear != null && merged.endYear != null && merged.endYear < merged.startYear) {
    throw new AppError('YEAR_RANGE', { start: merged.startYear, end: merged.endYear }, patch.endYear !== undefined ? 'endYear' : 'startYear');
  }
  return out;
}

function relatedChanges(mp: MasterplanDb, programId: string, leadOpdId: string, opdIds: string[]): RowChange[] {
  const wanted = new Set(opdIds.filter((o) => o !== leadOpdId));
  for (const o of wanted) getOpd(mp, o);
  const existing = mp.prepare('SELECT opd_id, deleted FROM program_opd WHERE program_id = ?').all(programId) as { opd_id: string; deleted: number }[];
  const changes: RowChange[] = [];
  const seen = new Set<string>();
  for (const e of existing) {
    seen.add(e.opd_id);
    const id = programOpdId(programId, e.opd_id);
    if (wanted.has(e.opd_id) && e.deleted) changes.push({ entity: 'programOpd', id, restore: true });
    if (!wanted.has(e.opd_id) && !e.deleted) changes.push({ entity: 'programOpd', id, delete: true });
  }
  for (const o of wanted) if (!seen.has(o)) changes.push({ entity: 'programOpd', id: programOpdId(programId, o), set: { programId, opdId: o } });
  return changes;
}

export function createProgram(mp: MasterplanDb, fields: ProgramPatch & { leadOpdId: string; title: string; relatedOpdIds?: string[] }): Program {
  const { relatedOpdIds, ...rest } = fields;
  const base: ProgramPatch = { status: 'proposed', ...rest };
  const set = checkProgram(mp, { ...base }, base);
  set.quickWin ??= false;
  const id = uuidv7();
  mp.write([{ entity: 'program', id, set }, ...relatedChanges(mp, id, fields.leadOpdId, relatedOpdIds ?? [])]);
  return getProgram(mp, id);
}

export function updateProgram(mp: MasterplanDb, id: string, patch: ProgramPatch): Program {
  const cur = getProgram(mp, id, false);
  const merged = { ...cur, ...patch };
  const set = checkProgram(mp, merged, patch);
  const changes: RowChange[] = [{ entity: 'program', id, set }];
  if (patch.leadOpdId && patch.leadOpdId !== cur.leadOpdId && cur.relatedOpdIds.includes(patch.leadOpdId)) {
    changes.push({ entity: 'programOpd', id: programOpdId(id, patch.leadOpdId), delete: true }); // the new lead is no longer "related"
  }
  mp.write(changes);
  return getProgram(mp, id);
}

export function deleteProgram(mp: MasterplanDb, id: string): void {
  getProgram(mp, id, false);
  mp.write([{ entity: 'program', id, delete: true }]);
}

export function restoreProgram(mp: MasterplanDb, id: string): Program {
  getProgram(mp, id);
  mp.write([{ entity: 'program', id, restore: true }]);
  return getProgram(mp, id);
}

export function setRelatedOpds(mp: MasterplanDb, id: string, opdIds: string[]): Program {
  const cur = getProgram(mp, id, false);
  mp.write(relatedChanges(mp, id, cur.leadOpdId, opdIds));
  return getProgram(mp, id);
}

const DIMENSION_ORDER = `CASE p.dimension ${DIMENSIONS.map((d, i) => `WHEN '${d.id}' THEN ${i}`).join(' ')} ELSE 99 END`;

export function queryPrograms(mp: MasterplanDb, filter: ProgramFilter, limit = 100_000): { rows: ProgramRow[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeDeleted) where.push('p.deleted = 0');
  if (filter.opdId) { where.push('(p.lead_opd_id = ? OR p.id IN (SELECT program_id FROM program_opd WHERE opd_id = ? AND deleted = 0))'); params.push(filter.opdId, filter.opdId); }
  if (filter.dimension) { where.push('p.dimension = ?'); params.push(filter.dimension); }
  if (filter.horizon) { where.push('p.horizon = ?'); params.push(filter.horizon); }
  if (filter.status) { where.push('p.status = ?'); params.push(filter.status); }
  if (filter.quickWin !== undefined) { where.push('p.quick_win = ?'); params.push(filter.quickWin ? 1 : 0); }
  let from = 'program p JOIN opd o ON o.id = p.lead_opd_id';
  let order = `o.sort_order, ${DIMENSION_ORDER}, p.created_stamp`;
  const match = filter.search ? ftsQuery(filter.search) : null;
  if (filter.search && !match) return { rows: [], total: 0 };
  if (match) {
    refreshSearchIndex(mp.db);
    from = `program_fts f JOIN program p ON p.rowid = f.rowid JOIN opd o ON o.id = p.lead_opd_id`;
    where.push('program_fts MATCH ?');
    params.push(match);
    order = 'bm25(program_fts, 10.0, 3.0, 1.0, 1.0, 1.0), o.sort_order';
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = mp.prepare(`SELECT count(*) FROM ${from} ${clause}`).pluck().get(...params) as number;
  const rows = mp.prepare(`SELECT p.id, p.title, p.lead_opd_id, o.name AS opd_name, o.abbr AS opd_abbr, p.dimension, p.element, p.horizon,
      p.quick_win, p.start_year, p.end_year, p.budget, p.funding, p.status, p.deleted
    FROM ${from} ${clause} ORDER BY ${order} LIMIT ?`).all(...params, limit) as Record<string, unknown>[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id as string, title: (r.title as string) ?? '', leadOpdId: r.lead_opd_id as string, opdName: r.opd_name as string,
      opdAbbr: r.opd_abbr as string | null, dimension: r.dimension as string | null, element: r.element as string | null,
      horizon: r.horizon as string | null, quickWin: r.quick_win === 1, startYear: r.start_year as number | null,
      endYear: r.end_year as number | null, budget: r.budget as number | null, funding: r.funding as string | null,
      status: (r.status as string) ?? 'proposed', deleted: r.deleted === 1,
    })),
  };
}

/** Who changed which field when: the program's own changes and those of its related-OPD links, newest first. */
export function programHistory(mp: MasterplanDb, id: string): HistoryEntry[] {
  getProgram(mp, id);
  const rows = mp.prepare(`SELECT c.stamp, c.device, c.entity, c.row_id, c.field, c.value, prev.value AS previous, f.name AS author
    FROM change_log c
    LEFT JOIN change_log prev ON prev.stamp = c.parent
    LEFT JOIN device d ON d.id = c.device
    LEFT JOIN facilitator f ON f.id = d.facilitator_id
    WHERE (c.entity = 'program' AND c.row_id = ?) OR (c.entity = 'programOpd' AND c.row_id >= ? AND c.row_id < ?)
    ORDER BY c.stamp DESC`).all(id, `${id}:`, `${id};`) as { stamp: string; device: string; entity: string; row_id: string; field: string; value: string | null; previous: string | null; author: string | null }[];
  return rows.map((r) => ({
    stamp: r.stamp, at: r.stamp.slice(0, 24), deviceId: r.device, author: r.author, entity: r.entity, rowId: r.row_id, field: r.field,
    value: r.value === null ? null : JSON.parse(r.value), previous: r.previous === null ? null : JSON.parse(r.previous),
  }));
}
