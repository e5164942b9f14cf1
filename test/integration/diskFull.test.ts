/** A full disk: saving gives a clear sentence, nothing already saved is lost, and saving works again once there is
 * room. Runs on a small tmpfs mounted for the test (CI runs as root). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { tmpDir } from '../helpers/tmp';

let mountPoint: string;
beforeAll(() => {
  mountPoint = fs.mkdtempSync('/tmp/rembuk-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint]);
});
afterAll(() => {
  try { execFileSync('umount', [mountPoint]); } catch { /* already gone */ }
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

describe('disk full', () => {
  it('refuses with DISK_FULL, keeps every saved program, and recovers when space is freed', async () => {
    const ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
    ws.saveProfile('Ayu', 'Kominfo');
    const api = (op: string, input: unknown) => dispatch(createHandlers(ws), op, input, { language: () => 'id' });
    const filler = path.join(mountPoint, 'filler.bin');
    const created = await api('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021', path: path.join(mountPoint, 'mp.sqlite') });
    expect(created.ok).toBe(true);
    const opd = ws.require().prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    // leave little room
    const free = () => Number(execFileSync('df', ['--output=avail', '-B1', mountPoint]).toString().split('\n')[1]);
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 300 * 1024)));

    const saved: string[] = [];
    let refusal: { code: string; message: string } | undefined;
    for (let i = 0; i < 500 && !refusal; i++) {
      const r = await api('program.create', { fields: { leadOpdId: opd, title: `Program ${i}`, description: 'Deskripsi panjang. '.repeat(400) } });
      if (r.ok) saved.push((r.data as { id: string }).id); else refusal = r.error;
    }
    expect(refusal?.code).toBe('DISK_FULL');
    expect(refusal?.message).toContain('Ruang disk penuh');
    expect(saved.length).toBeGreaterThan(0);
    const mp = ws.require();
    expect(mp.db.pragma('quick_check', { simple: true })).toBe('ok');
    for (const id of saved) expect(mp.prepare('SELECT title FROM program WHERE id = ?').pluck().get(id)).toMatch(/^Program \d+$/);

    fs.rmSync(filler);
    const again = await api('program.create', { fields: { leadOpdId: opd, title: 'Setelah ruang dikosongkan' } });
    expect(again.ok).toBe(true);
    ws.close();
  }, 60_000);
});
