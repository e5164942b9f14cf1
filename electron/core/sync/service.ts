/** Sync as the app and the CLI use it: export my work, read a colleague's file (exchange file or whole database),
 * preview, apply, list and resolve conflicts, join a masterplan from a file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { DELETED_FIELD, ENTITIES, isEntityName } from '../../../shared/entities';
import { APPLICATION_ID, sqliteError } from '../db/open';
import { LATEST_VERSION } from '../db/migrations';
import { MasterplanDb } from '../db/masterplanDb';
import { getMasterplan, registerDevice, type Author } from '../services/masterplans';
import { getProgram } from '../services/programs';
import { repairCrossedMerges } from '../services/duplicates';
import { decodeExchange, encodeExchange, looksLikeExchange, type ExchangeHeader, type WireChange } from './exchangeFile';
import { applyChanges, materializeRow, RESOLUTION_ENTITY, type ImportReport } from './merge';

const SQLITE_MAGIC = 'SQLite format 3\0';
const LAST_EXPORT = 'last_export_vector';

export interface Incoming {
  kind: 'exchange' | 'database';
  path: string;
  masterplanId: string;
  title: string;
  sender: { deviceId: string | null; facilitator: string | null; createdAt: string | null };
  changes: WireChange[];
}

export function versionVector(mp: MasterplanDb): Record<string, string> {
  const rows = mp.prepare('SELECT device, max(stamp) AS s FROM change_log GROUP BY device').all() as { device: string; s: string }[];
  return Object.fromEntries(rows.map((r) => [r.device, r.s]));
}

function readMeta(mp: MasterplanDb, key: string): string | undefined {
  return mp.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

/** "Export my work": every change (or only those newer than my last export), as an exchange file's bytes. */
export function exportWork(mp: MasterplanDb, opts: { onlyNew?: boolean; facilitator: string | null; appVersion: string }): { bytes: Buffer; header: { changes: number }; vector: Record<string, string> } {
  const since = opts.onlyNew ? (JSON.parse(readMeta(mp, LAST_EXPORT) ?? 'null') as Record<string, string> | null) : null;
  const rows = mp.prepare('SELECT stamp, device, entity, row_id, field, value, parent FROM change_log ORDER BY stamp').raw().all() as WireChange[];
  const changes = since ? rows.filter((c) => !since[c[1]] || c[0] > since[c[1]]!) : rows;
  const mpRow = getMasterplan(mp);
  const vector = versionVector(mp);
  const bytes = encodeExchange({
    masterplan: { id: mpRow.id, title: mpRow.title }, sender: { deviceId: mp.deviceId, facilitator: opts.facilitator },
    createdAt: new Date().toISOString(), appVersion: opts.appVersion, since, versionVector: vector,
  }, changes);
  return { bytes, header: { changes: changes.length }, vector };
}

/** Remembers what the last export covered (for "only what is new"); called once the file is safely written. */
export function markExported(mp: MasterplanDb, vector: Record<string, string>): void {
  mp.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)').run(LAST_EXPORT, JSON.stringify(vector));
}

/** Writes bytes to a file atomically: a temp file beside it, then rename. */
export function writeFileAtomic(file: string, bytes: Buffer): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) throw new AppError('FOLDER_NOT_FOUND', { path: dir });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', { path: file });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('FOLDER_READONLY', { path: dir });
    if (code === 'EBUSY') throw new AppError('FILE_LOCKED', { path: file });
    throw sqliteError(e, file);
  }
}

function readDatabaseFile(file: string): Incoming {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('NOT_REMBUK', { path: file });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new AppError('NEWER_VERSION', { path: file, version, supported: LATEST_VERSION });
    const mp = db.prepare('SELECT id, title FROM masterplan ORDER BY created_stamp LIMIT 1').get() as { id: string; title: string } | undefined;
    if (!mp) throw new AppError('NOT_REMBUK', { path: file });
    const changes = db.prepare('SELECT stamp, device, entity, row_id, field, value, parent FROM change_log ORDER BY stamp').raw().all() as WireChange[];
    return { kind: 'database', path: file, masterplanId: mp.id, title: mp.title ?? '', sender: { deviceId: null, facilitator: null, createdAt: null }, changes };
  } catch (e) {
    throw sqliteError(e, file);
  } finally {
    db?.close();
  }
}

/** Reads and validates a colleague's file completely, before anything in the database is touched. */
export function readIncoming(file: string, bytes?: Buffer): Incoming {
  let buf: Buffer;
  if (bytes) buf = bytes;
  else {
    try { buf = fs.readFileSync(file); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new AppError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : code === 'EISDIR' ? 'NOT_EXCHANGE' : 'FILE_READONLY', { path: file });
    }
  }
  if (buf.length === 0) throw new AppError('EXCHANGE_EMPTY', { path: file });
  if (buf.subarray(0, 16).toString('latin1') === SQLITE_MAGIC) {
    if (bytes) { // uploaded database: put it in a temp file to read it
      const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-in-')), 'incoming.sqlite');
      fs.writeFileSync(tmp, buf);
      try { return { ...readDatabaseFile(tmp), path: file }; } finally { fs.rmSync(path.dirname(tmp), { recursive: true, force: true }); }
    }
    return readDatabaseFile(file);
  }
  if (!looksLikeExchange(buf)) throw new AppError('NOT_EXCHANGE', { path: file });
  const { header, changes } = decodeExchange(buf, file);
  return headerToIncoming(header, changes, file);
}

function headerToIncoming(header: ExchangeHeader, changes: WireChange[], file: string): Incoming {
  return {
    kind: 'exchange', path: file, masterplanId: header.masterplan.id, title: header.masterplan.title,
    sender: { deviceId: header.sender.deviceId, facilitator: header.sender.facilitator, createdAt: header.createdAt }, changes,
  };
}

function assertSameMasterplan(mp: MasterplanDb, incoming: Incoming): void {
  const id = mp.masterplanId();
  if (id && id !== incoming.masterplanId) throw new AppError('EXCHANGE_OTHER_MASTERPLAN', { title: incoming.title, masterplanId: incoming.masterplanId });
}

export function previewImport(mp: MasterplanDb, incoming: Incoming): ImportReport {
  assertSameMasterplan(mp, incoming);
  return applyChanges(mp, incoming.changes, { dryRun: true });
}

export function applyImport(mp: MasterplanDb, incoming: Incoming, confirmed: boolean): ImportReport {
  assertSameMasterplan(mp, incoming);
  const report = applyChanges(mp, incoming.changes, { dryRun: false, confirmed });
  // two facilitators' crossed merges of the same programs would leave none of them: the last merge's survivor comes back
  if (report.applied) for (const id of repairCrossedMerges(mp)) {
    const p = getProgram(mp, id);
    const opd = mp.prepare('SELECT coalesce(abbr, name) FROM opd WHERE id = ?').pluck().get(p.leadOpdId) as string | undefined;
    const known = report.programs.find((x) => x.id === id);
    if (known) known.effect = 'restored'; else report.programs.push({ id, title: p.title ?? '', opd: opd ?? '', effect: 'restored' });
  }
  return report;
}

/** Join a masterplan from a colleague's file: a new local copy with its own device id. */
export function joinFromFile(target: string, incoming: Incoming, installationId: string, author: Author): { mp: MasterplanDb; report: ImportReport } {
  if (fs.existsSync(target)) throw new AppError('FILE_EXISTS', { path: target });
  const mp = MasterplanDb.open(target, { installationId, profileId: author.profile?.id, create: true });
  try {
    const report = applyChanges(mp, incoming.changes, { dryRun: false, confirmed: true });
    if (!mp.masterplanId()) throw new AppError('EXCHANGE_CORRUPT', { path: incoming.path });
    registerDevice(mp, author);
    return { mp, report };
  } catch (e) {
    mp.close();
    for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}

// ---------- conflicts ----------

export interface ConflictView {
  id: number; entity: string; rowId: string; field: string; kind: string;
  label: string; opd: string | null;
  winner: { stamp: string; value: unknown; author: string | null; at: string };
  loser: { stamp: string; value: unknown; author: string | null; at: string };
}

export function listConflicts(mp: MasterplanDb): ConflictView[] {
  const rows = mp.prepare('SELECT * FROM sync_conflict WHERE resolved_stamp IS NULL ORDER BY detected_at, id').all() as {
    id: number; entity: string; row_id: string; field: string; kind: string; winner_stamp: string; loser_stamp: string;
  }[];
  const change = mp.prepare(`SELECT c.value, f.name AS author FROM change_log c LEFT JOIN device d ON d.id = c.device
    LEFT JOIN facilitator f ON f.id = d.facilitator_id WHERE c.stamp = ?`);
  const side = (stamp: string) => {
    const r = change.get(stamp) as { value: string | null; author: string | null } | undefined;
    return { stamp, value: r?.value == null ? null : JSON.parse(r.value), author: r?.author ?? null, at: stamp.slice(0, 24) };
  };
  return rows.map((r) => {
    let label = r.row_id, opd: string | null = null;
    if (r.entity === 'program') {
      const p = mp.prepare('SELECT p.title, coalesce(o.abbr, o.name) AS opd FROM program p LEFT JOIN opd o ON o.id = p.lead_opd_id WHERE p.id = ?').get(r.row_id) as { title: string; opd: string } | undefined;
      label = p?.title ?? r.row_id; opd = p?.opd ?? null;
    } else if (r.entity === 'synergy') {
      // a complementary link: its two programs (the roles and the note are what conflict)
      const l = mp.prepare(`SELECT a.title AS a, b.title AS b FROM synergy s JOIN program a ON a.id = s.program_a_id JOIN program b ON b.id = s.program_b_id
        WHERE s.id = ?`).get(r.row_id) as { a: string | null; b: string | null } | undefined;
      if (l) label = `${l.a ?? ''} ↔ ${l.b ?? ''}`;
    } else if (r.entity === 'programOpd') {
      // a related OPD of a program: the program, and the OPD
      const l = mp.prepare(`SELECT p.title, coalesce(o.abbr, o.name) AS opd FROM program_opd x JOIN program p ON p.id = x.program_id
        JOIN opd o ON o.id = x.opd_id WHERE x.id = ?`).get(r.row_id) as { title: string | null; opd: string } | undefined;
      if (l) { label = l.title ?? r.row_id; opd = l.opd; }
    } else if (isEntityName(r.entity)) {
      const def = ENTITIES[r.entity];
      const nameCol = 'title' in def.fields ? 'title' : 'name' in def.fields ? 'name' : null;
      if (nameCol) label = (mp.prepare(`SELECT ${nameCol} FROM ${def.table} WHERE id = ?`).pluck().get(r.row_id) as string | undefined) ?? r.row_id;
    }
    return { id: r.id, entity: r.entity, rowId: r.row_id, field: r.field, kind: r.kind, label, opd, winner: side(r.winner_stamp), loser: side(r.loser_stamp) };
  });
}

/** Resolves a conflict: keep the current value, take the other one, or a merged text. The choice is a change (and a
 * resolution change naming the settled stamp) that travels to every copy. */
export function resolveConflict(mp: MasterplanDb, id: number, choice: { keep: 'current' | 'other' | 'custom'; value?: unknown }): void {
  const c = mp.prepare('SELECT * FROM sync_conflict WHERE id = ? AND resolved_stamp IS NULL').get(id) as {
    entity: string; row_id: string; field: string; kind: string; winner_stamp: string; loser_stamp: string;
  } | undefined;
  if (!c || !isEntityName(c.entity)) throw new AppError('NOT_FOUND', { entity: 'conflict', id });
  const entity = c.entity;
  mp.db.transaction(() => {
    if (c.kind === 'edit-vs-delete') {
      if (choice.keep === 'other') mp.write([{ entity, id: c.row_id, restore: true }]);
    } else if (choice.keep !== 'current') {
      let value = choice.value;
      if (choice.keep === 'other') {
        const raw = mp.prepare('SELECT value FROM change_log WHERE stamp = ?').pluck().get(c.loser_stamp) as string | null;
        value = raw == null ? null : JSON.parse(raw);
      }
      mp.write([{ entity, id: c.row_id, set: { [c.field]: value } }]);
    }
    const stamp = mp.writeMeta(RESOLUTION_ENTITY, `${c.entity}|${c.row_id}|${c.field}`, 'resolves', [c.loser_stamp]);
    mp.prepare('UPDATE sync_conflict SET resolved_stamp = ? WHERE id = ?').run(stamp, id);
  })();
}

export function openConflictCount(mp: MasterplanDb): number {
  return mp.prepare('SELECT count(*) FROM sync_conflict WHERE resolved_stamp IS NULL').pluck().get() as number;
}

/** Changes kept aside because this version did not know their entity or field: materialise those it knows now. */
export function replayKeptAside(mp: MasterplanDb): number {
  const rows = mp.prepare(`SELECT c.stamp, c.device, c.entity, c.row_id, c.field FROM sync_unknown u JOIN change_log c ON c.stamp = u.stamp AND c.device = u.device`).all() as { stamp: string; device: string; entity: string; row_id: string; field: string }[];
  let n = 0;
  mp.db.transaction(() => {
    for (const r of rows) {
      if (!isEntityName(r.entity)) continue;
      if (r.field !== DELETED_FIELD && !(r.field in ENTITIES[r.entity].fields)) continue;
      materializeRow(mp, r.entity, r.row_id);
      mp.prepare('DELETE FROM sync_unknown WHERE stamp = ? AND device = ?').run(r.stamp, r.device);
      n++;
    }
  })();
  return n;
}
