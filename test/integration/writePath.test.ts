import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { createOpd } from '../../electron/core/services/opds';
import { createSession } from '../../electron/core/services/sessions';
import { createProgram, deleteProgram, restoreProgram, updateProgram } from '../../electron/core/services/programs';
import { ENTITIES } from '../../shared/entities';
import { dumpTables, INSTALLATION, newMasterplan, PROFILE, rebuiltTables } from '../helpers/fixtures';
import { apply, opArb } from '../helpers/randomOps';

const TABLES = Object.values(ENTITIES).map((e) => e.table);
describe('the one write path and its change log', () => {
  it('after a long random sequence of edits, rebuilding every table from the change log alone gives the live tables', () => {
    fc.assert(fc.property(fc.array(opArb, { minLength: 300, maxLength: 600 }), (ops) => {
      const mp = newMasterplan({ template: null });
      try {
        createOpd(mp, { name: 'Dinas Kesehatan', abbr: 'Dinkes' });
        createOpd(mp, { name: 'Dinas Perhubungan', abbr: 'Dishub' });
        createSession(mp, { stage: 4 }, 'id');
        for (const op of ops) apply(mp, op);
        const live = dumpTables(mp, TABLES);
        expect((live.program ?? []).length + (live.opd ?? []).length).toBeGreaterThan(2);
        expect(rebuiltTables(mp)).toEqual(live);
      } finally { mp.close(); }
    }), { numRuns: 8 });
  });

  it('appends exactly one change per changed field, with the parent stamp of the value it replaced', () => {
    const mp = newMasterplan({ template: null });
    const opd = createOpd(mp, { name: 'Dinas Kesehatan', abbr: 'Dinkes' });
    const p = createProgram(mp, { leadOpdId: opd.id, title: 'Telemedisin', budget: 1_000_000 });
    const before = mp.changeCount();
    updateProgram(mp, p.id, { title: 'Telemedisin Puskesmas', budget: 1_000_000 /* unchanged */, description: 'Konsultasi jarak jauh' });
    expect(mp.changeCount() - before).toBe(2);
    const rows = mp.prepare("SELECT field, value, parent, device FROM change_log WHERE row_id = ? AND field = 'title' ORDER BY stamp").all(p.id) as { field: string; value: string; parent: string | null; device: string }[];
    expect(rows.map((r) => JSON.parse(r.value))).toEqual(['Telemedisin', 'Telemedisin Puskesmas']);
    const firstStamp = mp.prepare("SELECT stamp FROM change_log WHERE row_id = ? AND field = 'title' ORDER BY stamp LIMIT 1").pluck().get(p.id);
    expect(rows[0]!.parent).toBeNull();
    expect(rows[1]!.parent).toBe(firstStamp);
    expect(rows.every((r) => r.device === mp.deviceId)).toBe(true);
    mp.close();
  });

  it('a delete is a tombstone in the log, and a restore brings the row back', () => {
    const mp = newMasterplan({ template: null });
    const opd = createOpd(mp, { name: 'DLHK' });
    const p = createProgram(mp, { leadOpdId: opd.id, title: 'Bank Sampah Digital' });
    deleteProgram(mp, p.id);
    expect(mp.prepare('SELECT deleted FROM program WHERE id = ?').pluck().get(p.id)).toBe(1);
    const tomb = mp.prepare("SELECT value FROM change_log WHERE row_id = ? AND field = 'deleted' ORDER BY stamp DESC LIMIT 1").pluck().get(p.id);
    expect(tomb).toBe('true');
    restoreProgram(mp, p.id);
    expect(mp.prepare('SELECT deleted, title FROM program WHERE id = ?').get(p.id)).toEqual({ deleted: 0, title: 'Bank Sampah Digital' });
    mp.close();
  });

  it('a write that fails half-way leaves the database exactly as it was', () => {
    const mp = newMasterplan({ template: null });
    const opd = createOpd(mp, { name: 'Dishub' });
    const p = createProgram(mp, { leadOpdId: opd.id, title: 'E-Parkir' });
    const before = dumpTables(mp, [...TABLES, 'change_log']);
    expect(() => mp.write([
      { entity: 'program', id: p.id, set: { title: 'Parkir Elektronik' } },
      { entity: 'program', id: p.id, set: { leadOpdId: 'no-such-opd' } }, // foreign key fails at commit
    ])).toThrow();
    expect(dumpTables(mp, [...TABLES, 'change_log'])).toEqual(before);
    mp.close();
  });

  it('a file opened on another installation (or by another profile) writes under a new device id; stamps stay monotonic across reopen', () => {
    const mp = newMasterplan({ template: null });
    const file = mp.path;
    const first = mp.deviceId;
    const last = mp.clock.current();
    mp.close();
    const again = MasterplanDb.open(file, { installationId: INSTALLATION, profileId: PROFILE.id, now: () => 0 }); // clock at 1970
    expect(again.deviceId).toBe(first);
    expect(again.clock.tick() > last).toBe(true);
    again.close();
    const copied = MasterplanDb.open(file, { installationId: 'another-laptop', profileId: PROFILE.id });
    expect(copied.deviceId).not.toBe(first);
    copied.close();
    const colleague = MasterplanDb.open(file, { installationId: INSTALLATION, profileId: 'someone-else' });
    expect([first, copied.deviceId]).not.toContain(colleague.deviceId);
    colleague.close();
  });
});
