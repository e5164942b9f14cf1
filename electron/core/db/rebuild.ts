/** Rebuilds entity tables from the change log alone: the proof that the log carries everything (and a repair tool). */
import { DELETED_FIELD, ENTITIES, isEntityName, toColumn, fieldKind, type EntityName } from '../../../shared/entities';
import type Database from 'better-sqlite3';
import { toStorage } from './masterplanDb';

interface Cell { value: unknown; stamp: string }

/** Replays `change_log` of `source` into the (empty, migrated) entity tables of `target`. */
export function rebuildFromLog(source: Database.Database, target: Database.Database): void {
  const rows = new Map<string, { entity: EntityName; id: string; cells: Map<string, Cell>; first: string; last: string }>();
  const it = source.prepare('SELECT stamp, entity, row_id, field, value FROM change_log ORDER BY stamp').iterate() as IterableIterator<{
    stamp: string; entity: string; row_id: string; field: string; value: string | null;
  }>;
  for (const ch of it) {
    if (!isEntityName(ch.entity)) continue;
    const key = `${ch.entity}\u0000${ch.row_id}`;
    let r = rows.get(key);
    if (!r) { r = { entity: ch.entity, id: ch.row_id, cells: new Map(), first: ch.stamp, last: ch.stamp }; rows.set(key, r); }
    r.last = ch.stamp;
    r.cells.set(ch.field, { value: ch.value === null ? null : JSON.parse(ch.value), stamp: ch.stamp });
  }
  target.transaction(() => {
    for (const r of rows.values()) {
      const cols = ['id', 'deleted', 'created_stamp', 'updated_stamp'];
      const vals: unknown[] = [r.id, r.cells.get(DELETED_FIELD)?.value ? 1 : 0, r.first, r.last];
      for (const [field, cell] of r.cells) {
        if (field === DELETED_FIELD) continue;
        const kind = fieldKind(r.entity, field);
        if (!kind) continue;
        cols.push(toColumn(field));
        vals.push(toStorage(kind, cell.value));
      }
      target.prepare(`INSERT INTO ${ENTITIES[r.entity].table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
    }
  })();
}
