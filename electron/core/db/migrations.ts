/** Schema migrations, applied in order by `PRAGMA user_version`. Never edit a released migration: add one. */
import type { Database } from 'better-sqlite3';

/** The duplicate-finding migration's version (its tests refer to it by name). */
export const SIMILARITY_MIGRATION_VERSION = 5;

export interface Migration { version: number; name: string; up(db: Database): void }

/** The v1 entity tables, frozen as released (the entity registry in shared/entities.ts describes the latest). */
const V1_TABLES = `
CREATE TABLE masterplan (
  id TEXT PRIMARY KEY NOT NULL,
  title TEXT,
  region_name TEXT,
  region_kind TEXT,
  province TEXT,
  period_start INTEGER,
  period_end INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE facilitator (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  institution TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE device (
  id TEXT PRIMARY KEY NOT NULL,
  facilitator_id TEXT REFERENCES facilitator(id) DEFERRABLE INITIALLY DEFERRED,
  label TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE opd (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT,
  abbr TEXT,
  kind TEXT,
  sort_order REAL,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE bimtek_session (
  id TEXT PRIMARY KEY NOT NULL,
  stage INTEGER,
  title TEXT,
  date_start TEXT,
  date_end TEXT,
  venue TEXT,
  notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE presentation (
  id TEXT PRIMARY KEY NOT NULL,
  session_id TEXT REFERENCES bimtek_session(id) DEFERRABLE INITIALLY DEFERRED,
  opd_id TEXT REFERENCES opd(id) DEFERRABLE INITIALLY DEFERRED,
  presenter_name TEXT,
  presenter_position TEXT,
  started_at TEXT,
  ended_at TEXT,
  summary TEXT,
  recommendations TEXT,
  agenda_order REAL,
  state TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE program (
  id TEXT PRIMARY KEY NOT NULL,
  lead_opd_id TEXT REFERENCES opd(id) DEFERRABLE INITIALLY DEFERRED,
  presentation_id TEXT REFERENCES presentation(id) DEFERRABLE INITIALLY DEFERRED,
  title TEXT,
  description TEXT,
  dimension TEXT,
  element TEXT,
  horizon TEXT,
  quick_win INTEGER,
  start_year INTEGER,
  end_year INTEGER,
  budget INTEGER,
  funding TEXT,
  outputs TEXT,
  rpjmd_ref TEXT,
  status TEXT,
  notes TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE program_opd (
  id TEXT PRIMARY KEY NOT NULL,
  program_id TEXT REFERENCES program(id) DEFERRABLE INITIALLY DEFERRED,
  opd_id TEXT REFERENCES opd(id) DEFERRABLE INITIALLY DEFERRED,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'entities and change log',
    up(db) {
      db.exec(`
${V1_TABLES}
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
-- Contentless (the text lives in program) with delete support, so an entry can be replaced knowing only its rowid.
CREATE VIRTUAL TABLE program_fts USING fts5(
  title, description, outputs, notes, rpjmd_ref,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
-- Programs whose index entry is stale (NOT EXISTS rather than OR IGNORE: an UPSERT's conflict clause would override it). Saving a field only notes the rowid here; the index catches up before every
-- search and when the app is idle (electron/core/search/ftsIndex.ts), which keeps FTS5 work off the save path.
CREATE TABLE program_fts_pending (program_rowid INTEGER PRIMARY KEY NOT NULL) STRICT;
CREATE TRIGGER program_fts_ai AFTER INSERT ON program BEGIN
  INSERT INTO program_fts_pending SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM program_fts_pending WHERE program_rowid = new.rowid);
END;
CREATE TRIGGER program_fts_au AFTER UPDATE OF title, description, outputs, notes, rpjmd_ref ON program BEGIN
  INSERT INTO program_fts_pending SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM program_fts_pending WHERE program_rowid = new.rowid);
END;
CREATE TRIGGER program_fts_ad AFTER DELETE ON program BEGIN
  INSERT INTO program_fts_pending SELECT old.rowid WHERE NOT EXISTS (SELECT 1 FROM program_fts_pending WHERE program_rowid = old.rowid);
END;
INSERT INTO program_fts_pending SELECT rowid FROM program;
`);
    },
  },
  {
    version: 3,
    name: 'sync: conflicts and changes kept aside',
    up(db) {
      db.exec(`
  -- Open and settled conflicts found while merging (local: each copy finds them as changes arrive). The losing value
  -- stays in change_log; resolving writes a new value and a resolution change that travels like any other.
  CREATE TABLE sync_conflict (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL,            -- 'value' | 'edit-vs-delete'
    winner_stamp TEXT NOT NULL,
    loser_stamp TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_stamp TEXT,
    UNIQUE (entity, row_id, field, loser_stamp)
  ) STRICT;
  CREATE INDEX sync_conflict_open ON sync_conflict(resolved_stamp, entity, row_id);
  -- Changes naming an entity or field this version does not know: kept in change_log, listed here, replayed after an upgrade.
  CREATE TABLE sync_unknown (stamp TEXT NOT NULL, device TEXT NOT NULL, PRIMARY KEY (stamp, device)) STRICT;
  CREATE INDEX change_log_entity_row ON change_log(entity, row_id);
  `);
    },
  },
  {
    version: 4,
    name: 'export: narrative sections and export settings',
    up(db) {
      db.exec(`
CREATE TABLE narrative (
  id TEXT PRIMARY KEY NOT NULL,
  section TEXT,
  title TEXT,
  body TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE TABLE export_settings (
  id TEXT PRIMARY KEY NOT NULL,
  paper TEXT,
  margin_top INTEGER,
  margin_right INTEGER,
  margin_bottom INTEGER,
  margin_left INTEGER,
  font_family TEXT,
  font_size REAL,
  rupiah_style TEXT,
  language TEXT,
  chapters TEXT,
  statuses TEXT,
  include_notes INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
`);
    },
  },
  // ---- duplicate finding and synergies (issue 5). Version 5 (3 is sync, 4 is export).
  {
    version: SIMILARITY_MIGRATION_VERSION,
    name: 'duplicate finding: synergies, decisions, merged programs, similarity index',
    up(db) {
      db.exec(`
ALTER TABLE program ADD COLUMN merged_into_id TEXT REFERENCES program(id) DEFERRABLE INITIALLY DEFERRED;
CREATE TABLE synergy (
  id TEXT PRIMARY KEY NOT NULL,
  program_a_id TEXT REFERENCES program(id) DEFERRABLE INITIALLY DEFERRED,
  program_b_id TEXT REFERENCES program(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT,
  note TEXT,
  role_a TEXT,
  role_b TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE INDEX synergy_a ON synergy(program_a_id);
CREATE INDEX synergy_b ON synergy(program_b_id);
CREATE TABLE duplicate_decision (
  id TEXT PRIMARY KEY NOT NULL,
  program_a_id TEXT REFERENCES program(id) DEFERRABLE INITIALLY DEFERRED,
  program_b_id TEXT REFERENCES program(id) DEFERRABLE INITIALLY DEFERRED,
  decision TEXT,
  note TEXT,
  merge_id TEXT,
  merge_record TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  created_stamp TEXT NOT NULL,
  updated_stamp TEXT NOT NULL
) STRICT;
CREATE INDEX duplicate_decision_merge ON duplicate_decision(merge_id);

-- Local, derived: the normalised terms of every live program (electron/core/similarity/similarIndex.ts) and their
-- FTS5 index for candidate search. Saves only mark a program pending; the index catches up before every query.
CREATE TABLE similar_doc (program_rowid INTEGER PRIMARY KEY NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL) STRICT;
CREATE VIRTUAL TABLE similar_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61');
CREATE TABLE similar_pending (program_rowid INTEGER PRIMARY KEY NOT NULL) STRICT;
CREATE TRIGGER similar_ai AFTER INSERT ON program BEGIN
  INSERT OR IGNORE INTO similar_pending VALUES (new.rowid);
END;
CREATE TRIGGER similar_au AFTER UPDATE OF title, description, deleted, merged_into_id ON program BEGIN
  INSERT OR IGNORE INTO similar_pending VALUES (new.rowid);
END;
CREATE TRIGGER similar_ad AFTER DELETE ON program BEGIN
  INSERT OR IGNORE INTO similar_pending VALUES (old.rowid);
END;
INSERT INTO similar_pending SELECT rowid FROM program;
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
