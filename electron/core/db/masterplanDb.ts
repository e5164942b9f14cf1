/** A masterplan file opened on this device: the SQLite handle, this device's id and clock, and THE write path.
 * Every create/update/delete/restore of an entity row goes through `write`, which in the same transaction updates
 * the row and appends one change per field to `change_log` (HLC stamp, device, parent stamp). */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { DELETED_FIELD, ENTITIES, fieldsOf, fieldKind, toColumn, type EntityName, type FieldKind } from '../../../shared/entities';
import { HlcClock } from '../../../shared/hlc';
import { openDatabase, sqliteError } from './open';
import { refreshSearchIndex } from '../search/ftsIndex';
import { refreshSimilarIndex } from '../similarity/similarIndex';

export interface RowChange {
  entity: EntityName;
  id: string;
  /** Fields to set (API names). Creating a row = setting fields on an id that does not exist yet. */
  set?: Record<string, unknown>;
  delete?: boolean;
  restore?: boolean;
}

export interface ChangeRecord {
  stamp: string; device: string; entity: string; row_id: string; field: string; value: string | null; parent: string | null;
}

export type ChangeListener = (entities: Set<EntityName>) => void;

export interface OpenMasterplanOptions {
  installationId: string;
  /** The facilitator profile writing on this device: another profile on the same installation writes under its own
   * device id, so every change is attributed to the person who made it. */
  profileId?: string | null;
  create?: boolean; readonly?: boolean; now?: () => number;
  beforeMigrate?: (db: Database.Database) => void;
}

const CHECKPOINT_DELAY_MS = 2000;

export function newDeviceId(): string {
  return crypto.randomBytes(8).toString('hex');
}

/** SQLite storage value of an API value. */
export function toStorage(kind: FieldKind, v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (kind === 'bool') return v ? 1 : 0;
  if (kind === 'int') return Math.round(Number(v));
  if (kind === 'real') return Number(v);
  return String(v);
}

/** API value of a SQLite storage value. */
export function fromStorage(kind: FieldKind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'bool') return v === 1 || v === true;
  return v;
}

export class MasterplanDb {
  readonly clock: HlcClock;
  private listeners = new Set<ChangeListener>();
  private checkpointTimer: NodeJS.Timeout | undefined;
  private stmts = new Map<string, Database.Statement>();
  private closed = false;

  private constructor(readonly db: Database.Database, readonly path: string, readonly deviceId: string, now?: () => number) {
    this.clock = new HlcClock(deviceId, now);
    const max = db.prepare('SELECT max(stamp) AS s FROM change_log').get() as { s: string | null };
    this.clock.seed(max.s);
  }

  static open(file: string, opts: OpenMasterplanOptions): MasterplanDb {
    const db = openDatabase(file, { create: opts.create, readonly: opts.readonly, beforeMigrate: opts.beforeMigrate });
    try {
      const deviceId = opts.readonly ? readMeta(db, 'device_id') ?? '0000000000000000' : ensureDeviceId(db, `${opts.installationId}/${opts.profileId ?? ''}`);
      return new MasterplanDb(db, file, deviceId, opts.now);
    } catch (e) {
      db.close();
      throw sqliteError(e, file);
    }
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) { s = this.db.prepare(sql); this.stmts.set(sql, s); }
    return s;
  }

  /** The one write path. All changes apply in one transaction, or none do. Returns the number of field changes. */
  write(changes: RowChange[]): number {
    if (this.closed) throw new AppError('NO_MASTERPLAN_OPEN');
    const touched = new Set<EntityName>();
    let count = 0;
    try {
      this.db.transaction(() => {
        for (const c of changes) {
          const n = this.applyLocal(c);
          if (n > 0) touched.add(c.entity);
          count += n;
        }
      })();
    } catch (e) {
      throw sqliteError(e, this.path);
    }
    if (count > 0) {
      this.scheduleCheckpoint();
      for (const l of this.listeners) l(touched);
    }
    return count;
  }

  private applyLocal(c: RowChange): number {
    const def = ENTITIES[c.entity];
    const current = this.stmt(`SELECT * FROM ${def.table} WHERE id = ?`).get(c.id) as Record<string, unknown> | undefined;
    const updates: [string, unknown][] = [];
    const log = this.stmt('INSERT INTO change_log (stamp, device, entity, row_id, field, value, parent) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const lastStamp = this.stmt('SELECT stamp FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY stamp DESC LIMIT 1').pluck();
    let firstStamp: string | undefined;
    let lastWritten: string | undefined;
    const record = (field: string, apiValue: unknown) => {
      // The parent of a field's change is that field's previous stamp; the parent of a delete/restore is the row's
      // latest stamp as this device knew it, so a merge can tell which edits the deleter had not seen.
      const parent = !current ? null : field === DELETED_FIELD ? (current.updated_stamp as string)
        : ((lastStamp.get(c.entity, c.id, field) as string | undefined) ?? null);
      const stamp = this.clock.tick();
      firstStamp ??= stamp;
      lastWritten = stamp;
      log.run(stamp, this.deviceId, c.entity, c.id, field, JSON.stringify(apiValue ?? null), parent);
    };

    if (!current) {
      if (!c.set || c.delete || c.restore) throw new AppError('NOT_FOUND', { entity: c.entity, id: c.id });
      record(DELETED_FIELD, false);
      for (const [field, value] of Object.entries(c.set)) {
        const kind = fieldKind(c.entity, field);
        if (!kind) throw new Error(`unknown field ${c.entity}.${field}`);
        if (value === undefined) continue;
        record(field, normalize(kind, value));
        updates.push([toColumn(field), toStorage(kind, value)]);
      }
      const cols = ['id', 'deleted', 'created_stamp', 'updated_stamp', ...updates.map(([col]) => col)];
      this.stmt(`INSERT INTO ${def.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(c.id, 0, firstStamp, lastWritten, ...updates.map(([, v]) => v));
      return updates.length + 1;
    }

    for (const [field, value] of Object.entries(c.set ?? {})) {
      const kind = fieldKind(c.entity, field);
      if (!kind) throw new Error(`unknown field ${c.entity}.${field}`);
      if (value === undefined) continue;
      const col = toColumn(field);
      const stored = toStorage(kind, value);
      if (stored === current[col]) continue; // unchanged: no change, no noise in the log
      record(field, normalize(kind, value));
      updates.push([col, stored]);
    }
    const wantDeleted = c.delete ? 1 : c.restore ? 0 : undefined;
    if (wantDeleted !== undefined && wantDeleted !== current.deleted) {
      record(DELETED_FIELD, wantDeleted === 1);
      updates.push(['deleted', wantDeleted]);
    }
    if (updates.length === 0) return 0;
    updates.push(['updated_stamp', lastWritten]);
    this.stmt(`UPDATE ${def.table} SET ${updates.map(([col]) => `${col} = ?`).join(', ')} WHERE id = ?`)
      .run(...updates.map(([, v]) => v), c.id);
    return updates.length - 1;
  }

  /** Appends a change about sync itself (e.g. a conflict resolution, entity "~resolution") to the change log, so it
   * travels to the other copies like any change. Part of the one write path: nothing else appends to the log. */
  writeMeta(entity: `~${string}`, rowId: string, field: string, value: unknown): string {
    const stamp = this.clock.tick();
    this.stmt('INSERT INTO change_log (stamp, device, entity, row_id, field, value, parent) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(stamp, this.deviceId, entity, rowId, field, JSON.stringify(value));
    this.scheduleCheckpoint();
    return stamp;
  }

  /** One row in API shape (camelCase, booleans), or undefined. Deleted rows are returned with deleted = true. */
  getRow(entity: EntityName, id: string): Record<string, unknown> | undefined {
    const row = this.stmt(`SELECT * FROM ${ENTITIES[entity].table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    return row ? rowToApi(entity, row) : undefined;
  }

  prepare(sql: string): Database.Statement {
    return this.stmt(sql);
  }

  masterplanId(): string | undefined {
    return this.stmt('SELECT id FROM masterplan ORDER BY created_stamp LIMIT 1').pluck().get() as string | undefined;
  }

  changeCount(): number {
    return this.stmt('SELECT count(*) FROM change_log').pluck().get() as number;
  }

  private scheduleCheckpoint(): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      this.syncToDisk();
    }, CHECKPOINT_DELAY_MS);
    this.checkpointTimer.unref();
  }

  /** Idle work after writes: bring the search index up to date, then make every committed change durable against
   * power loss (WAL checkpoint, which fsyncs). */
  syncToDisk(): void {
    if (this.closed) return;
    try { refreshSearchIndex(this.db); } catch { /* retried before the next search */ }
    try { refreshSimilarIndex(this.db); } catch { /* retried before the next similar-program query */ }
    try { this.db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: the next write schedules another */ }
  }

  close(): void {
    if (this.closed) return;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    this.closed = true;
    this.listeners.clear();
    try { refreshSearchIndex(this.db); } catch { /* rebuilt from pending at the next open */ }
    try { this.db.pragma('wal_checkpoint(TRUNCATE)'); } catch { /* read-only or busy */ }
    this.db.close();
  }

  get isOpen(): boolean { return !this.closed; }
}

function normalize(kind: FieldKind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'bool') return !!v;
  if (kind === 'int') return Math.round(Number(v));
  if (kind === 'real') return Number(v);
  return String(v);
}

export function rowToApi(entity: EntityName, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id };
  for (const field of fieldsOf(entity)) out[field] = fromStorage(fieldKind(entity, field)!, row[toColumn(field)]);
  out.deleted = row.deleted === 1;
  out.createdStamp = row.created_stamp;
  out.updatedStamp = row.updated_stamp;
  return out;
}

function readMeta(db: Database.Database, key: string): string | undefined {
  return db.prepare('SELECT value FROM local_meta WHERE key = ?').pluck().get(key) as string | undefined;
}

/** A device id per installation, facilitator profile and file: a file copied to another laptop (or opened under
 * another profile) gets a new id there, and never writes under someone else's. */
function ensureDeviceId(db: Database.Database, owner: string): string {
  const device = readMeta(db, 'device_id');
  if (device && readMeta(db, 'device_owner') === owner) return device;
  const fresh = newDeviceId();
  const put = db.prepare('INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    put.run('device_id', fresh);
    put.run('device_owner', owner);
    if (device) put.run(`previous_device_id:${device}`, new Date().toISOString());
  })();
  return fresh;
}
