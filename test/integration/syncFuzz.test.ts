/** Bad files never change the database: each gets a plain sentence (a typed error) and a dump taken before and
 * after the attempt is identical. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { createProgram } from '../../electron/core/services/programs';
import { createOpd } from '../../electron/core/services/opds';
import { MAGIC, encodeExchange } from '../../electron/core/sync/exchangeFile';
import { applyImport, exportWork, readIncoming } from '../../electron/core/sync/service';
import { toPayload } from '../../electron/core/api/dispatch';
import { AppError } from '../../shared/errors';
import { newMasterplan } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';

function dump(mp: MasterplanDb): string {
  const tables = mp.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, mp.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

function setup() {
  const mine = newMasterplan({ template: null });
  const theirs = newMasterplan({ template: null });
  const opd = createOpd(mine, { name: 'Dinas Kesehatan', abbr: 'Dinkes' });
  createProgram(mine, { leadOpdId: opd.id, title: 'Antrean Puskesmas Daring' });
  // a colleague's real file for the same masterplan
  const good = exportWork(mine, { facilitator: 'Made', appVersion: 'test' }).bytes;
  return { mine, theirs, good };
}

/** Imports `bytes` as a file and returns the error code; asserts the database did not change. */
function attempt(mp: MasterplanDb, bytes: Buffer, name = 'x.rembuk'): string {
  const file = path.join(tmpDir(), name);
  fs.writeFileSync(file, bytes);
  const before = dump(mp);
  let code = 'imported';
  try { applyImport(mp, readIncoming(file), true); } catch (e) {
    if (!(e instanceof AppError)) throw e;
    code = e.code;
    expect(toPayload(e, 'id').message.length).toBeGreaterThan(20); // a sentence, not a code
  }
  if (code !== 'imported') expect(dump(mp)).toBe(before);
  return code;
}

describe('bad exchange files: a plain sentence, the database untouched', () => {
  it('truncated anywhere', () => {
    const { mine, good } = setup();
    for (const cut of [1, 10, MAGIC.length + 5, Math.floor(good.length / 2), good.length - 1]) {
      expect(['NOT_EXCHANGE', 'EXCHANGE_CORRUPT', 'EXCHANGE_TRUNCATED']).toContain(attempt(mine, good.subarray(0, cut)));
    }
  });

  it('any flipped bit is caught (property)', () => {
    const { mine, good } = setup();
    const before = dump(mine);
    fc.assert(fc.property(fc.nat({ max: good.length * 8 - 1 }), (bit) => {
      const bad = Buffer.from(good);
      bad[bit >> 3]! ^= 1 << (bit & 7);
      const code = attempt(mine, bad);
      // a flip inside a JSON string of the header may still parse; then the checksum or the contents refuse it,
      // or (harmless) a header text like the title changed and the known changes import as "nothing new"
      expect(['NOT_EXCHANGE', 'EXCHANGE_CORRUPT', 'EXCHANGE_TRUNCATED', 'EXCHANGE_CHECKSUM', 'EXCHANGE_NEWER', 'EXCHANGE_TOO_LARGE', 'EXCHANGE_OTHER_MASTERPLAN', 'imported']).toContain(code);
    }), { numRuns: 300 });
    expect(dump(mine)).toBe(before);
  });

  it('wrong checksum, newer format, another masterplan, empty, not a Rembuk file at all', () => {
    const { mine, theirs, good } = setup();
    const text = good.toString('latin1');
    const headerEnd = good.indexOf(0x0a, MAGIC.length);
    const header = JSON.parse(good.subarray(MAGIC.length, headerEnd).toString('utf8'));
    const rebuild = (h: unknown) => Buffer.concat([Buffer.from(MAGIC), Buffer.from(JSON.stringify(h) + '\n'), good.subarray(headerEnd + 1)]);
    expect(attempt(mine, rebuild({ ...header, payload: { ...header.payload, sha256: '0'.repeat(64) } }))).toBe('EXCHANGE_CHECKSUM');
    expect(attempt(mine, rebuild({ ...header, version: 2, minReaderVersion: 2 }))).toBe('EXCHANGE_NEWER');
    expect(attempt(theirs, good)).toBe('EXCHANGE_OTHER_MASTERPLAN');
    expect(attempt(mine, Buffer.alloc(0))).toBe('EXCHANGE_EMPTY');
    expect(attempt(mine, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'foto.rembuk')).toBe('NOT_EXCHANGE');
    expect(attempt(mine, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]), 'notulen.docx')).toBe('NOT_EXCHANGE');
    expect(attempt(mine, Buffer.from('Catatan rapat Bimtek IV'), 'catatan.txt')).toBe('NOT_EXCHANGE');
    expect(text.startsWith(MAGIC)).toBe(true);
  });

  it('a gzip bomb is refused before it is inflated', () => {
    const { mine } = setup();
    const bomb = zlib.gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)); // 200 MB of spaces, ~200 KB compressed
    const header = {
      format: 'rembuk-exchange', version: 1, minReaderVersion: 1, masterplan: { id: mine.masterplanId(), title: 'x' },
      sender: { deviceId: '0123456789abcdef', facilitator: null }, createdAt: new Date().toISOString(), appVersion: 't', since: null,
      versionVector: {}, counts: { changes: 0 },
      payload: { encoding: 'gzip+json', compressedBytes: bomb.length, uncompressedBytes: 2, sha256: crypto.createHash('sha256').update(bomb).digest('hex') },
    };
    const file = Buffer.concat([Buffer.from(MAGIC), Buffer.from(JSON.stringify(header) + '\n'), bomb]);
    expect(attempt(mine, file)).toBe('EXCHANGE_TOO_LARGE');
    const lying = { ...header, payload: { ...header.payload, uncompressedBytes: 5 * 1024 * 1024 * 1024 } };
    expect(attempt(mine, Buffer.concat([Buffer.from(MAGIC), Buffer.from(JSON.stringify(lying) + '\n'), bomb]))).toBe('EXCHANGE_TOO_LARGE');
  });

  it('changes that are malformed inside a valid envelope: bad stamps, bad JSON values, huge values', () => {
    const { mine } = setup();
    const mp = { id: mine.masterplanId()!, title: 't' };
    const env = (changes: unknown[]) => encodeExchange({ masterplan: mp, sender: { deviceId: '0123456789abcdef', facilitator: null }, createdAt: 'x', appVersion: 't', since: null, versionVector: {} }, changes as never);
    const stamp = '2018-10-22T02:15:04.123Z-0000-0123456789abcdef';
    expect(attempt(mine, env([['yesterday', '0123456789abcdef', 'program', 'p', 'title', '"x"', null]]))).toBe('EXCHANGE_CORRUPT');
    expect(attempt(mine, env([[stamp, '0123456789abcdef', 'program', 'p', 'title', '{not json', null]]))).toBe('EXCHANGE_CORRUPT');
    expect(attempt(mine, env([[stamp, 'ffffffffffffffff', 'program', 'p', 'title', '"x"', null]]))).toBe('EXCHANGE_CORRUPT');
    expect(attempt(mine, env([[stamp, '0123456789abcdef', 'program', 'p', 'title', JSON.stringify('x'.repeat(2_000_000)), null]]))).toBe('EXCHANGE_CORRUPT');
    expect(attempt(mine, env([{ stamp }]))).toBe('EXCHANGE_CORRUPT');
    // a program whose OPD the file does not carry: refused as incomplete, nothing applied
    expect(attempt(mine, env([[stamp, '0123456789abcdef', 'program', 'p1', 'leadOpdId', '"no-such-opd"', null], [stamp.replace('0000-', '0001-'), '0123456789abcdef', 'program', 'p1', 'title', '"Hantu"', null]]))).toBe('EXCHANGE_INCOMPLETE');
  });

  it('unknown entities and fields are kept aside, not rejected', () => {
    const { mine } = setup();
    const mp = { id: mine.masterplanId()!, title: 't' };
    const stamp = '2030-01-01T00:00:00.000Z-0000-0123456789abcdef';
    const bytes = encodeExchange({ masterplan: mp, sender: { deviceId: '0123456789abcdef', facilitator: null }, createdAt: 'x', appVersion: 'future', since: null, versionVector: {} },
      [[stamp, '0123456789abcdef', 'budgetLine', 'b1', 'amount', '5', null], [stamp.replace('0000-', '0001-'), '0123456789abcdef', 'program', 'zz', 'carbonScore', '3', null]]);
    const file = path.join(tmpDir(), 'future.rembuk');
    fs.writeFileSync(file, bytes);
    const report = applyImport(mine, readIncoming(file), true);
    expect(report.changes).toMatchObject({ new: 2, unknown: 2 });
    expect(mine.prepare('SELECT count(*) FROM sync_unknown').pluck().get()).toBe(2);
    expect(mine.prepare("SELECT count(*) FROM change_log WHERE entity = 'budgetLine'").pluck().get()).toBe(1);
  });
});

describe("a colleague's whole database file", () => {
  it('imports like an exchange file; a newer, corrupted or foreign database is refused', () => {
    const { mine } = setup();
    const colleague = newMasterplan({ template: null });
    const file = colleague.path;
    colleague.close();
    expect(attempt(mine, fs.readFileSync(file), 'rekan.sqlite')).toBe('EXCHANGE_OTHER_MASTERPLAN');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(attempt(mine, fs.readFileSync(file), 'rekan.sqlite')).toBe('NEWER_VERSION');
    const bytes = fs.readFileSync(file);
    expect(['FILE_CORRUPT', 'NOT_REMBUK', 'NOT_SQLITE']).toContain(attempt(mine, Buffer.concat([bytes.subarray(0, 100), Buffer.alloc(4096, 7)]), 'rusak.sqlite'));
    const other = path.join(tmpDir(), 'lain.db');
    const o = new Database(other); o.exec('CREATE TABLE t(x)'); o.close();
    expect(attempt(mine, fs.readFileSync(other), 'lain.sqlite')).toBe('NOT_REMBUK');
  });
});
