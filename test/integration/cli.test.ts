import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';

const BIN = path.resolve('electron/cli/rembuk.mjs');

function rembuk(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, REMBUK_DATA: dataDir } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('rembuk CLI', () => {
  it('demo → info → programs: a realistic Denpasar Bimtek IV', () => {
    const dir = tmpDir();
    const db = path.join(dir, 'demo.sqlite');
    const demo = rembuk(['demo', db], dir);
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('Masterplan demo dibuat');

    const info = rembuk(['info', db, '--json'], dir);
    expect(info.code).toBe(0);
    const counts = JSON.parse(info.out);
    expect(counts).toMatchObject({ opds: 39, sessions: 2 });
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['opds', 'sessions', 'presentations', 'programs', 'changes']));
    expect(counts.programs).toBeGreaterThanOrEqual(150);
    expect(counts.presentations).toBeGreaterThanOrEqual(30);
    expect(counts.changes).toBeGreaterThan(counts.programs * 5);

    const list = JSON.parse(rembuk(['programs', db, '--json'], dir).out) as Record<string, unknown>[];
    expect(list.length).toBe(counts.programs);
    for (const p of list) for (const k of ['id', 'title', 'opd', 'dimension', 'horizon', 'status']) expect(p).toHaveProperty(k);
    const dims = new Set(list.map((p) => p.dimension));
    expect(dims.size).toBe(6);
    expect(new Set(list.map((p) => p.opd)).size).toBeGreaterThanOrEqual(25);

    const text = rembuk(['info', db], dir);
    expect(text.out).toMatch(/program: \d+/);
  }, 60_000);

  it('refuses to overwrite, and explains files that are not masterplans, in plain words', () => {
    const dir = tmpDir();
    const db = path.join(dir, 'x.sqlite');
    fs.writeFileSync(db, 'not a database at all');
    const r = rembuk(['info', db], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bukan berkas masterplan Rembuk');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(rembuk(['demo', db], dir).err).toContain('Sudah ada berkas');
    expect(rembuk(['info', path.join(dir, 'missing.sqlite'), '--lang', 'en'], dir).err).toContain('File not found');
    expect(rembuk(['bogus'], dir).code).toBe(2);
  }, 60_000);

  it('sync export / import: joining from a file, dry run, idempotent re-import, JSON report', () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.sqlite'), b = path.join(dir, 'b.sqlite'), file = path.join(dir, 'a.rembuk');
    expect(rembuk(['demo', a], dir).code).toBe(0);
    const exp = rembuk(['sync', 'export', a, '-o', file], dir);
    expect(exp.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 15).toString()).toBe('REMBUK-EXCHANGE');
    const dry = rembuk(['sync', 'import', b, file, '--dry-run'], dir);
    expect(dry.code).toBe(1); // nothing to preview into: the copy does not exist yet
    const join = JSON.parse(rembuk(['sync', 'import', b, file, '--json'], dir).out);
    expect(join).toMatchObject({ joined: true, applied: true, deleted: 0, conflicts: 0 });
    expect(join.new).toBeGreaterThan(190);
    expect(JSON.parse(rembuk(['info', b, '--json'], dir).out).programs).toBe(JSON.parse(rembuk(['info', a, '--json'], dir).out).programs);
    const again = JSON.parse(rembuk(['sync', 'import', b, file, '--json'], dir).out);
    expect(again).toMatchObject({ new: 0, changed: 0, deleted: 0, conflicts: 0, changes: { new: 0 } });
    expect(rembuk(['sync', 'import', b, file], dir).out).toContain('Tidak ada yang baru');
    // a colleague's whole database file works too
    expect(JSON.parse(rembuk(['sync', 'import', b, a, '--json', '--dry-run'], dir).out)).toMatchObject({ applied: false, new: 0 });
    // not an exchange file: a sentence, exit 1
    fs.writeFileSync(path.join(dir, 'foto.rembuk'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const bad = rembuk(['sync', 'import', b, path.join(dir, 'foto.rembuk')], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bukan berkas pertukaran Rembuk');
  }, 60_000);
});
