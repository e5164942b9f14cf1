/** Merging changes from another copy (an exchange file or a colleague's database) into this one.
 * Rules (docs/sync.md): every change is kept in the change log (so nothing typed is ever lost: it is the current
 * value, an open conflict, or history); a field's value is its change with the greatest (HLC stamp, device);
 * two changes to one field are concurrent when neither descends from the other through parent stamps, and the
 * loser of a concurrent pair becomes an open conflict — except equal values, and long texts that a three-way line
 * merge joins cleanly (the merge is written as a new change). An edit made after a delete it did not know about is an
 * edit-vs-delete conflict. Changes naming an entity or field this version does not know are kept aside.
 * Everything is applied in one transaction; a preview is the same run rolled back. */
import { diff3Merge } from 'node-diff3';
import { AppError } from '../../../shared/errors';
import { DELETED_FIELD, ENTITIES, fieldKind, isEntityName, toColumn, type EntityDef, type EntityName } from '../../../shared/entities';
import { toStorage, type MasterplanDb, type RowChange } from '../db/masterplanDb';
import type { WireChange } from './exchangeFile';

/** Meta entity: a resolution lists the losing stamps it settles (row id = "<entity>|<rowId>|<field>"). */
export const RESOLUTION_ENTITY = '~resolution';
/** Long texts get a three-way line merge before they count as a conflict. */
export const MERGEABLE_TEXT: Record<string, string[]> = {
  program: ['description', 'outputs', 'notes'],
  presentation: ['summary', 'recommendations'],
  session: ['notes'],
};
const FUTURE_WARN_MS = 24 * 3600_000;
const MASS_DELETE_SHARE = 1 / 3;

export interface ImportReport {
  changes: { total: number; new: number; known: number; unknown: number };
  rows: { created: number; changed: number; deleted: number; restored: number };
  conflicts: number;
  autoMerged: number;
  programs: { id: string; title: string; opd: string; effect: 'new' | 'changed' | 'deleted' | 'restored' | 'conflict' }[];
  futureMs: number;
  deletedShare: number;
  needsConfirmation: ('mass-delete' | 'future-clock')[];
  applied: boolean;
}

interface LogRow { stamp: string; device: string; value: string | null; parent: string | null }

class Rollback extends Error {}

export function isMeta(entity: string): boolean {
  return entity.startsWith('~');
}

export function applyChanges(mp: MasterplanDb, incoming: WireChange[], opts: { dryRun: boolean; confirmed?: boolean }): ImportReport {
  const db = mp.db;
  const report: ImportReport = {
    changes: { total: incoming.length, new: 0, known: 0, unknown: 0 }, rows: { created: 0, changed: 0, deleted: 0, restored: 0 },
    conflicts: 0, autoMerged: 0, programs: [], futureMs: 0, deletedShare: 0, needsConfirmation: [], applied: false,
  };
  const insert = db.prepare('INSERT OR IGNORE INTO change_log (stamp, device, entity, row_id, field, value, parent) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const previousWinner = db.prepare('SELECT stamp, device, value, parent FROM change_log WHERE entity = ? AND row_id = ? AND field = ? AND stamp <> ? ORDER BY stamp DESC LIMIT 1');
  const byStamp = db.prepare('SELECT stamp, device, value, parent FROM change_log WHERE stamp = ?');
  const addConflict = db.prepare(`INSERT OR IGNORE INTO sync_conflict (entity, row_id, field, kind, winner_stamp, loser_stamp, detected_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const resolvedLosers = db.prepare(`SELECT value FROM change_log WHERE entity = '${RESOLUTION_ENTITY}' AND row_id = ?`).pluck();
  const settle = db.prepare('UPDATE sync_conflict SET resolved_stamp = ? WHERE entity = ? AND row_id = ? AND field = ? AND loser_stamp = ? AND resolved_stamp IS NULL');
  const keepAside = db.prepare('INSERT OR IGNORE INTO sync_unknown (stamp, device) VALUES (?, ?)');
  const now = new Date().toISOString();

  const isResolved = (entity: string, rowId: string, field: string, loser: string): boolean =>
    (resolvedLosers.all(`${entity}|${rowId}|${field}`) as string[]).some((v) => (JSON.parse(v) as string[]).includes(loser));

  /** Did the author of `newer` know `older`? Always when both come from one device (a device knows its own past). A
   * delete or restore names as its parent the row's latest stamp its author had seen (any field: so that a merge can
   * tell which edits it had not seen), so it knew every change to the row up to that stamp: a program created on one
   * laptop and deleted on another is not a conflict with its own creation. Any other change descends from `older`
   * through its field's parent stamps. */
  const descends = (older: LogRow, newer: LogRow, field: string): boolean => {
    if (older.device === newer.device) return true;
    if (field === DELETED_FIELD) return newer.parent !== null && newer.parent >= older.stamp;
    let p = newer.parent;
    for (let i = 0; p && p >= older.stamp && i < 10_000; i++) {
      if (p === older.stamp) return true;
      p = (byStamp.get(p) as LogRow | undefined)?.parent ?? null;
    }
    return false;
  };
  /** The value of the nearest common ancestor of two changes (the base of a three-way merge), or ''. */
  const commonBase = (a: LogRow, b: LogRow): string => {
    const chain = new Map<string, string | null>();
    for (let p: string | null = a.parent, i = 0; p && i < 10_000; i++) {
      const row = byStamp.get(p) as LogRow | undefined;
      if (!row) break;
      chain.set(p, row.value);
      p = row.parent;
    }
    for (let p: string | null = b.parent, i = 0; p && i < 10_000; i++) {
      if (chain.has(p)) { const v = chain.get(p); return v ? String(JSON.parse(v) ?? '') : ''; }
      p = (byStamp.get(p) as LogRow | undefined)?.parent ?? null;
    }
    return '';
  };

  const programsBefore = db.prepare('SELECT count(*) FROM program WHERE deleted = 0').pluck().get() as number;
  const touched = new Map<string, { entity: EntityName; id: string }>();
  const merges: RowChange[] = [];

  const run = () => {
    const sorted = [...incoming].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const c of sorted) {
      const [stamp, device, entity, rowId, field, value, parent] = c;
      if (insert.run(stamp, device, entity, rowId, field, value, parent).changes === 0) { report.changes.known++; continue; }
      report.changes.new++;
      const ahead = mp.clock.receive(stamp);
      if (ahead > report.futureMs) report.futureMs = ahead;
      if (entity === RESOLUTION_ENTITY) {
        const [e, r, f] = rowId.split('|');
        for (const loser of JSON.parse(value ?? '[]') as string[]) settle.run(stamp, e, r, f, loser);
        continue;
      }
      if (!isEntityName(entity) || (field !== DELETED_FIELD && !fieldKind(entity, field))) {
        keepAside.run(stamp, device);
        report.changes.unknown++;
        continue;
      }
      touched.set(`${entity}\u0000${rowId}`, { entity, id: rowId });
      // concurrency with the value this copy had
      const w = previousWinner.get(entity, rowId, field, stamp) as LogRow | undefined;
      if (!w || w.value === value) continue;
      const me: LogRow = { stamp, device, value, parent };
      const [older, newer] = w.stamp < stamp ? [w, me] : [me, w];
      if (descends(older, newer, field)) continue;
      // a record decided whole (a duplicate-review decision): the later decision stands, no field-by-field conflict
      if ((ENTITIES[entity] as EntityDef).wholeRecord) continue;
      const texts = MERGEABLE_TEXT[entity]?.includes(field);
      if (texts) {
        const mine = String(JSON.parse(w.value ?? 'null') ?? ''), theirs = String(JSON.parse(value ?? 'null') ?? '');
        const base = commonBase(w, me);
        const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'));
        if (regions.every((r) => 'ok' in r)) {
          const merged = regions.flatMap((r) => ('ok' in r ? r.ok ?? [] : [])).join('\n');
          merges.push({ entity, id: rowId, set: { [field]: merged } });
          report.autoMerged++;
          continue;
        }
      }
      if (isResolved(entity, rowId, field, older.stamp)) continue;
      if (addConflict.run(entity, rowId, field, 'value', newer.stamp, older.stamp, now).changes) report.conflicts++;
    }

    // materialise every touched row from the log: greatest stamp per field
    const before = new Map<string, Record<string, unknown> | undefined>();
    for (const [key, t] of touched) before.set(key, mp.prepare(`SELECT * FROM ${ENTITIES[t.entity].table} WHERE id = ?`).get(t.id) as Record<string, unknown> | undefined);
    for (const t of touched.values()) materializeRow(mp, t.entity, t.id);
    for (const m of merges) mp.write([m]);

    // edit-vs-delete: a change made after a delete that its author did not know about
    for (const [key, t] of touched) {
      const row = mp.prepare(`SELECT * FROM ${ENTITIES[t.entity].table} WHERE id = ?`).get(t.id) as Record<string, unknown>;
      const old = before.get(key);
      if (row.deleted === 1) {
        // the delete's parent is the row's latest stamp its author knew: edits by others after it were not seen
        const del = mp.prepare(`SELECT stamp, device, parent FROM change_log WHERE entity = ? AND row_id = ? AND field = 'deleted' ORDER BY stamp DESC LIMIT 1`).get(t.entity, t.id) as { stamp: string; device: string; parent: string | null };
        const unseen = mp.prepare(`SELECT stamp FROM change_log WHERE entity = ? AND row_id = ? AND field <> 'deleted' AND device <> ? AND stamp > ?`).pluck().all(t.entity, t.id, del.device, del.parent ?? '') as string[];
        for (const edit of unseen) {
          if (isResolved(t.entity, t.id, DELETED_FIELD, edit)) continue;
          if (addConflict.run(t.entity, t.id, DELETED_FIELD, 'edit-vs-delete', del.stamp, edit, now).changes) report.conflicts++;
        }
      }
      const effect = !old ? (row.deleted ? null : 'new') : old.deleted === 0 && row.deleted === 1 ? 'deleted' : old.deleted === 1 && row.deleted === 0 ? 'restored' : 'changed';
      if (effect === 'new') report.rows.created++;
      else if (effect === 'deleted') report.rows.deleted++;
      else if (effect === 'restored') report.rows.restored++;
      else if (effect === 'changed') report.rows.changed++;
      if (t.entity === 'program' && effect) {
        const opd = mp.prepare('SELECT coalesce(abbr, name) FROM opd WHERE id = ?').pluck().get(row.lead_opd_id) as string | undefined;
        report.programs.push({ id: t.id, title: String(row.title ?? ''), opd: opd ?? '', effect });
      }
    }
    for (const c of mp.prepare(`SELECT DISTINCT row_id FROM sync_conflict WHERE entity = 'program' AND resolved_stamp IS NULL AND detected_at = ?`).pluck().all(now) as string[]) {
      const p = report.programs.find((x) => x.id === c);
      if (p) p.effect = 'conflict';
    }

    report.deletedShare = programsBefore > 0 ? report.programs.filter((p) => p.effect === 'deleted').length / programsBefore : 0;
    if (report.deletedShare > MASS_DELETE_SHARE) report.needsConfirmation.push('mass-delete');
    if (report.futureMs > FUTURE_WARN_MS) report.needsConfirmation.push('future-clock');
    if (touched.size > 0) {
      // every referenced row must exist once the file is applied (a partial file may lack the base it builds on)
      const broken = new Set<string>(Object.values(ENTITIES).filter((e) => 'refs' in e).map((e) => e.table));
      for (const t of [...new Set([...touched.values()].map((x) => ENTITIES[x.entity].table))]) {
        if (broken.has(t) && (db.pragma(`foreign_key_check(${t})`) as unknown[]).length > 0) throw new AppError('EXCHANGE_INCOMPLETE');
      }
    }
    if (opts.dryRun) throw new Rollback();
    if (report.needsConfirmation.length > 0 && !opts.confirmed) throw new AppError('IMPORT_NEEDS_CONFIRMATION', { reasons: report.needsConfirmation.join(', ') });
  };

  const clockBefore = mp.clock.current();
  try {
    db.transaction(run)();
    report.applied = true;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    mp.clock.reset(clockBefore);
  }
  return report;
}

/** Recomputes one row from the change log alone (greatest stamp per field). */
export function materializeRow(mp: MasterplanDb, entity: EntityName, id: string): void {
  const def = ENTITIES[entity];
  const rows = mp.prepare('SELECT field, value, stamp FROM change_log WHERE entity = ? AND row_id = ? ORDER BY stamp').all(entity, id) as { field: string; value: string | null; stamp: string }[];
  if (rows.length === 0) return;
  const values = new Map<string, unknown>();
  for (const r of rows) values.set(r.field, r.value === null ? null : JSON.parse(r.value));
  const cols = ['deleted', 'created_stamp', 'updated_stamp'];
  const vals: unknown[] = [values.get(DELETED_FIELD) ? 1 : 0, rows[0]!.stamp, rows[rows.length - 1]!.stamp];
  for (const field of Object.keys(def.fields)) {
    if (!values.has(field)) continue;
    cols.push(toColumn(field));
    vals.push(toStorage(fieldKind(entity, field)!, values.get(field)));
  }
  // UPDATE, else INSERT (not an UPSERT: its conflict clause would override the OR IGNORE of the index triggers)
  const updated = mp.prepare(`UPDATE ${def.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...vals, id).changes;
  if (updated === 0) mp.prepare(`INSERT INTO ${def.table} (id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(id, ...vals);
}

