/** Creating, opening and describing masterplan files. */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { AppError } from '../../../shared/errors';
import { OPD_TEMPLATES } from '../../../shared/reference';
import type { Masterplan, MasterplanInfo } from '../../../shared/api/schemas';
import { MasterplanDb, type RowChange } from '../db/masterplanDb';
import { uuidv7 } from '../ids';
import { opdChanges } from './opds';

export interface CreateMasterplanInput {
  title?: string; regionName: string; regionKind: 'kota' | 'kabupaten'; province?: string;
  periodStart: number; periodEnd: number; opdTemplate: string | null;
}

export interface Author { profile: { id: string; name: string; institution: string } | null }

export function defaultTitle(regionKind: string, regionName: string): string {
  const kind = regionKind === 'kabupaten' ? 'Kabupaten' : 'Kota';
  const name = regionName.replace(/^(kota|kabupaten)\s+/i, '');
  return `Masterplan Smart City ${kind} ${name}`;
}

export function slugify(s: string): string {
  const slug = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'masterplan';
}

/** A free file name in the folder: name.sqlite, name-2.sqlite, ... */
export function freeFileName(dir: string, base: string): string {
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, `${base}${i === 1 ? '' : `-${i}`}.sqlite`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export function getMasterplan(mp: MasterplanDb): Masterplan {
  const id = mp.masterplanId();
  const row = id ? mp.getRow('masterplan', id) : undefined;
  if (!row) throw new AppError('NOT_REMBUK', { path: mp.path });
  return {
    id: row.id as string, title: (row.title as string) ?? '', regionName: (row.regionName as string) ?? '',
    regionKind: (row.regionKind as string) ?? 'kota', province: row.province as string | null,
    periodStart: row.periodStart as number | null, periodEnd: row.periodEnd as number | null,
  };
}

export function masterplanInfo(mp: MasterplanDb): MasterplanInfo {
  const count = (sql: string) => mp.prepare(sql).pluck().get() as number;
  return {
    masterplan: getMasterplan(mp),
    path: mp.path,
    deviceId: mp.deviceId,
    counts: {
      opds: count('SELECT count(*) FROM opd WHERE deleted = 0'),
      sessions: count('SELECT count(*) FROM bimtek_session WHERE deleted = 0'),
      presentations: count('SELECT count(*) FROM presentation p JOIN bimtek_session s ON s.id = p.session_id WHERE p.deleted = 0 AND s.deleted = 0'),
      programs: count('SELECT count(*) FROM program WHERE deleted = 0'),
      changes: mp.changeCount(),
      conflicts: count('SELECT count(*) FROM sync_conflict WHERE resolved_stamp IS NULL'),
    },
  };
}

/** Records who this device is (facilitator profile + device), through the write path so it travels with sync. */
export function registerDevice(mp: MasterplanDb, author: Author): void {
  const changes: RowChange[] = [];
  if (author.profile) {
    changes.push({ entity: 'facilitator', id: author.profile.id, set: { name: author.profile.name, institution: author.profile.institution } });
  }
  changes.push({ entity: 'device', id: mp.deviceId, set: { facilitatorId: author.profile?.id ?? null, label: os.hostname().slice(0, 100) } });
  mp.write(changes);
}

export function createMasterplan(file: string, input: CreateMasterplanInput, installationId: string, author: Author): MasterplanDb {
  if (fs.existsSync(file)) throw new AppError('FILE_EXISTS', { path: file });
  if (input.periodEnd < input.periodStart) throw new AppError('PERIOD_RANGE', {}, 'periodEnd');
  const template = input.opdTemplate ? OPD_TEMPLATES[input.opdTemplate] : undefined;
  if (input.opdTemplate && !template) throw new AppError('FIELD_INVALID', {}, 'opdTemplate');
  const mp = MasterplanDb.open(file, { installationId, profileId: author.profile?.id, create: true });
  try {
    registerDevice(mp, author);
    mp.write([
      {
        entity: 'masterplan', id: uuidv7(),
        set: {
          title: input.title?.trim() || defaultTitle(input.regionKind, input.regionName), regionName: input.regionName,
          regionKind: input.regionKind, province: input.province ?? '', periodStart: input.periodStart, periodEnd: input.periodEnd,
        },
      },
      ...opdChanges(mp, template?.opds ?? []),
    ]);
    return mp;
  } catch (e) {
    mp.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}

export function updateMasterplan(mp: MasterplanDb, patch: Partial<Omit<Masterplan, 'id'>>): Masterplan {
  const cur = getMasterplan(mp);
  const start = patch.periodStart ?? cur.periodStart;
  const end = patch.periodEnd ?? cur.periodEnd;
  if (start != null && end != null && end < start) throw new AppError('PERIOD_RANGE', {}, patch.periodEnd !== undefined ? 'periodEnd' : 'periodStart');
  mp.write([{ entity: 'masterplan', id: cur.id, set: patch }]);
  return getMasterplan(mp);
}

