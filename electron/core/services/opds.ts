/** OPDs (units of the regional government): list, add, edit, reorder, remove (tombstone) and restore. */
import { AppError } from '../../../shared/errors';
import { guessOpdKind, type OpdKind } from '../../../shared/reference';
import type { Opd } from '../../../shared/api/schemas';
import { uuidv7 } from '../ids';
import type { MasterplanDb } from '../db/masterplanDb';

interface OpdRow { id: string; name: string; abbr: string | null; kind: string | null; sort_order: number; deleted: number; program_count: number }

const SELECT = `SELECT o.id, o.name, o.abbr, o.kind, o.sort_order, o.deleted,
  (SELECT count(*) FROM program p WHERE p.lead_opd_id = o.id AND p.deleted = 0) AS program_count
  FROM opd o`;

function toOpd(r: OpdRow): Opd {
  return { id: r.id, name: r.name, abbr: r.abbr, kind: r.kind, sortOrder: r.sort_order, programCount: r.program_count };
}

export function listOpds(mp: MasterplanDb, includeDeleted = false): Opd[] {
  const rows = mp.prepare(`${SELECT} ${includeDeleted ? '' : 'WHERE o.deleted = 0'} ORDER BY o.sort_order, o.name`).all() as OpdRow[];
  return rows.map(toOpd);
}

export function getOpd(mp: MasterplanDb, id: string, allowDeleted = false): Opd {
  const r = mp.prepare(`${SELECT} WHERE o.id = ?`).get(id) as OpdRow | undefined;
  if (!r || (r.deleted && !allowDeleted)) throw new AppError('NOT_FOUND', { entity: 'opd', id });
  return toOpd(r);
}

export function opdChanges(mp: MasterplanDb, entries: { name: string; abbr?: string; kind?: OpdKind }[]) {
  const max = (mp.prepare('SELECT coalesce(max(sort_order), 0) FROM opd').pluck().get() as number) ?? 0;
  return entries.map((e, i) => ({
    entity: 'opd' as const,
    id: uuidv7(),
    set: { name: e.name, abbr: e.abbr ?? '', kind: e.kind ?? guessOpdKind(e.name), sortOrder: max + i + 1 },
  }));
}

export function createOpd(mp: MasterplanDb, input: { name: string; abbr?: string; kind?: OpdKind }): Opd {
  const [change] = opdChanges(mp, [input]);
  mp.write([change!]);
  return getOpd(mp, change!.id);
}

export function updateOpd(mp: MasterplanDb, id: string, patch: { name?: string; abbr?: string; kind?: OpdKind }): Opd {
  getOpd(mp, id);
  mp.write([{ entity: 'opd', id, set: patch }]);
  return getOpd(mp, id);
}

export function deleteOpd(mp: MasterplanDb, id: string): void {
  const opd = getOpd(mp, id);
  if (opd.programCount > 0) throw new AppError('OPD_HAS_PROGRAMS', { name: opd.name, count: opd.programCount });
  mp.write([{ entity: 'opd', id, delete: true }]);
}

export function restoreOpd(mp: MasterplanDb, id: string): Opd {
  getOpd(mp, id, true);
  mp.write([{ entity: 'opd', id, restore: true }]);
  return getOpd(mp, id);
}

/** Puts the given OPDs first, in this order; the others keep their relative order after them. */
export function reorderOpds(mp: MasterplanDb, ids: string[]): Opd[] {
  const all = listOpds(mp);
  const known = new Set(all.map((o) => o.id));
  for (const id of ids) if (!known.has(id)) throw new AppError('NOT_FOUND', { entity: 'opd', id });
  const order = [...new Set(ids), ...all.map((o) => o.id).filter((id) => !ids.includes(id))];
  mp.write(order.map((id, i) => ({ entity: 'opd' as const, id, set: { sortOrder: i + 1 } })));
  return listOpds(mp);
}
