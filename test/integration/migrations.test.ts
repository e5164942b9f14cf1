import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../electron/core/db/open';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../electron/core/db/migrations';
import { refreshSearchIndex } from '../../electron/core/search/ftsIndex';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { AppError } from '../../shared/errors';
import { ENTITIES, toColumn } from '../../shared/entities';
import { tmpDir } from '../helpers/tmp';
import { INSTALLATION, newMasterplan } from '../helpers/fixtures';

function code(fn: () => unknown): string {
  try { fn(); } catch (e) { return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`; }
  return 'no error';
}

function rawDb(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, version);
  return db;
}

describe('migration 1: entities and change log', () => {
  it('creates every entity table with id, fields, tombstone and stamps, plus the change log', () => {
    const db = rawDb(path.join(tmpDir(), 'v1.sqlite'), 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const v1 = { masterplan: 6, facilitator: 2, device: 2, opd: 4, bimtek_session: 6, presentation: 10, program: 16, program_opd: 2 };
    for (const [table, fields] of Object.entries(v1)) {
      const cols = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['id', 'deleted', 'created_stamp', 'updated_stamp']));
      expect(cols.length).toBe(fields + 4);
    }
    const log = (db.prepare('PRAGMA table_info(change_log)').all() as { name: string }[]).map((c) => c.name);
    expect(log).toEqual(['seq', 'stamp', 'device', 'entity', 'row_id', 'field', 'value', 'parent']);
    db.close();
  });
});

describe('migration 2: full-text search', () => {
  it('indexes programs that existed before the migration and keeps every table unchanged', () => {
    const file = path.join(tmpDir(), 'v2.sqlite');
    const db = rawDb(file, 1);
    db.prepare("INSERT INTO opd (id, name, deleted, created_stamp, updated_stamp) VALUES ('o1', 'Dinas Kesehatan', 0, 's', 's')").run();
    const ins = db.prepare("INSERT INTO program (id, lead_opd_id, title, description, deleted, created_stamp, updated_stamp) VALUES (?, 'o1', ?, ?, 0, 's', 's')");
    ins.run('p1', 'Antrean Puskesmas Daring', 'Pendaftaran pasien lewat aplikasi');
    ins.run('p2', 'Telemedisin', 'Konsultasi jarak jauh untuk puskesmas pembantu');
    const before = db.prepare('SELECT * FROM program ORDER BY id').all();
    migrate(db, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT * FROM program ORDER BY id').all()).toEqual(before);
    expect(refreshSearchIndex(db)).toBe(2);
    const hits = db.prepare("SELECT p.id FROM program_fts f JOIN program p ON p.rowid = f.rowid WHERE program_fts MATCH 'puskesmas' ORDER BY p.id").pluck().all();
    expect(hits).toEqual(['p1', 'p2']);
    // and the triggers keep it current
    db.prepare("UPDATE program SET title = 'Antrean Klinik' WHERE id = 'p1'").run();
    expect(db.prepare('SELECT count(*) FROM program_fts_pending').pluck().get()).toBe(1);
    refreshSearchIndex(db);
    expect(db.prepare("SELECT count(*) FROM program_fts WHERE program_fts MATCH 'klinik'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM program_fts WHERE program_fts MATCH 'antrean puskesmas'").pluck().get()).toBe(0);
    db.prepare("DELETE FROM program WHERE id = 'p2'").run();
    refreshSearchIndex(db);
    expect(db.prepare("SELECT count(*) FROM program_fts WHERE program_fts MATCH 'telemedisin'").pluck().get()).toBe(0);
    db.close();
  });

  it('after all migrations, every entity of the registry has its table and columns', () => {
    const db = rawDb(path.join(tmpDir(), 'latest.sqlite'), LATEST_VERSION);
    for (const def of Object.values(ENTITIES)) {
      const cols = (db.prepare(`PRAGMA table_info(${def.table})`).all() as { name: string }[]).map((c) => c.name);
      for (const f of Object.keys(def.fields)) expect(cols, `${def.table}.${f}`).toContain(toColumn(f));
      expect(cols).toEqual(expect.arrayContaining(['id', 'deleted', 'created_stamp', 'updated_stamp']));
    }
    db.close();
  });

  it('migrations are numbered 1..n', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });
});

describe('opening files: clear refusals, nothing changed', () => {
  it('refuses a file written by a newer version and leaves it byte-for-byte unchanged', () => {
    const mp = newMasterplan();
    const file = mp.path;
    mp.close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const bytes = fs.readFileSync(file);
    expect(code(() => MasterplanDb.open(file, { installationId: INSTALLATION }))).toBe('NEWER_VERSION');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses things that are not SQLite: a JPEG, a Word file, text, a folder', () => {
    const dir = tmpDir();
    const jpeg = path.join(dir, 'photo.sqlite');
    fs.writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1]));
    const docx = path.join(dir, 'notes.docx');
    fs.writeFileSync(docx, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
    const txt = path.join(dir, 'a.txt');
    fs.writeFileSync(txt, 'hello');
    for (const f of [jpeg, docx, txt, dir]) expect(code(() => openDatabase(f))).toBe('NOT_SQLITE');
    expect(fs.readFileSync(txt, 'utf8')).toBe('hello');
  });

  it('refuses an SQLite database that is not a masterplan', () => {
    const file = path.join(tmpDir(), 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(code(() => openDatabase(file))).toBe('NOT_REMBUK');
  });

  it('refuses a truncated file as damaged', () => {
    const mp = newMasterplan();
    const file = mp.path;
    mp.close();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
    expect(['FILE_CORRUPT', 'NOT_SQLITE']).toContain(code(() => MasterplanDb.open(file, { installationId: INSTALLATION })));
  });

  it('explains a missing file, a missing folder and a folder that cannot be written', () => {
    const dir = tmpDir();
    expect(code(() => openDatabase(path.join(dir, 'nope.sqlite')))).toBe('FILE_NOT_FOUND');
    expect(code(() => openDatabase(path.join(dir, 'no-such-folder', 'x.sqlite'), { create: true }))).toBe('FOLDER_NOT_FOUND');
    // /sys refuses new files even to root; nothing is left behind
    expect(code(() => openDatabase('/sys/rembuk-test.sqlite', { create: true }))).toBe('FOLDER_READONLY');
    expect(fs.existsSync('/sys/rembuk-test.sqlite')).toBe(false);
  });

  it('sets WAL, foreign keys and the application id on a new file', () => {
    const mp = newMasterplan();
    expect(mp.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(mp.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(mp.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(mp.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    mp.close();
  });
});
