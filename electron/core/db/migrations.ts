/** Schema migrations, applied in order by `PRAGMA user_version`. Never edit a released migration: add one. */
import type { Database } from 'better-sqlite3';
import { ENTITIES, ENTITY_NAMES, toColumn, type FieldKind } from '../../../shared/entities';

export interface Migration { version: number; name: string; up(db: Database): void }

const SQL_TYPE: Record<FieldKind, string> = { text: 'TEXT', int: 'INTEGER', real: 'REAL', bool: 'INTEGER', ref: 'TEXT' };

/** The v1 entity tables, generated from the entity registry as it stood at v1. */
function entityTableSql(): string {
  return ENTITY_NAMES.map((name) => {
    const def = ENTITIES[name];
    const refs = (def as { refs?: Record<string, string> }).refs ?? {};
    const cols = Object.entries(def.fields as Record<string, FieldKind>).map(([field, kind]) => {
      const ref = refs[field];
      const fk = ref ? ` REFERENCES ${ENTITIES[ref as keyof typeof ENTITIES].table}(id) DEFERRABLE INITIALLY DEFERRED` : '';
      return `  ${toColumn(field)} ${SQL_TYPE[kind]}${fk}`;
    });
    return `CREATE TABLE ${def.table} (
  id TEXT PRIMARY KEY NOT NULL,
${cols.join(',\n')},
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;`.replace(/ BOOL/g, ' INTEGER');
  }).join('\n');
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'entities and change log',
    up(db) {
      db.exec(`
${entityTableSql()}
CREATE INDEX opd_order ON opd(sort_order);
CREATE INDEX presentation_session ON presentation(session_id, agenda_order);
CREATE INDEX program_lead_opd ON program(lead_opd_id);
CREATE INDEX program_presentation ON program(presentation_id);
CREATE INDEX program_opd_program ON program_opd(program_id);
CREATE INDEX program_opd_opd ON program_opd(opd_id);

-- One row per changed field. Unique on (stamp, device): re-importing the same change is a no-op.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY,
  stamp TEXT NOT NULL,
  device TEXT NOT NULL,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT,
  parent TEXT,
  UNIQUE (stamp, device)
) STRICT;
CREATE INDEX change_log_field ON change_log(entity, row_id, field, stamp);

-- Facts about this copy of the file on this installation; never synced.
CREATE TABLE local_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
`);
    },
  },
  {
    version: 2,
    name: 'full-text search over programs',
    up(db) {
      db.exec(`
CREATE VIRTUAL TABLE program_fts USING fts5(
  title, description, outputs, notes, rpjmd_ref,
  content='program', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER program_fts_ai AFTER INSERT ON program BEGIN
  INSERT INTO program_fts(rowid, title, description, outputs, notes, rpjmd_ref)
  VALUES (new.rowid, new.title, new.description, new.outputs, new.notes, new.rpjmd_ref);
END;
CREATE TRIGGER program_fts_ad AFTER DELETE ON program BEGIN
  INSERT INTO program_fts(program_fts, rowid, title, description, outputs, notes, rpjmd_ref)
  VALUES ('delete', old.rowid, old.title, old.description, old.outputs, old.notes, old.rpjmd_ref);
END;
CREATE TRIGGER program_fts_au AFTER UPDATE OF title, description, outputs, notes, rpjmd_ref ON program BEGIN
  INSERT INTO program_fts(program_fts, rowid, title, description, outputs, notes, rpjmd_ref)
  VALUES ('delete', old.rowid, old.title, old.description, old.outputs, old.notes, old.rpjmd_ref);
  INSERT INTO program_fts(rowid, title, description, outputs, notes, rpjmd_ref)
  VALUES (new.rowid, new.title, new.description, new.outputs, new.notes, new.rpjmd_ref);
END;
INSERT INTO program_fts(program_fts) VALUES ('rebuild');
`);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies every migration above the file's version, each in its own transaction. */
export function migrate(db: Database, target = LATEST_VERSION): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= version || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    version = m.version;
  }
  return version;
}
