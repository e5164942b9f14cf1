/** The duplicate review's decisions sync like every other change (they go through the write path), and two
 * facilitators' crossed decisions never lose a program: real replicas, real exchange files. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { createOpd } from '../../electron/core/services/opds';
import { createProgram, updateProgram } from '../../electron/core/services/programs';
import { duplicateClusters, linkSynergy, listMerges, listNotDuplicates, listSynergies, markNotDuplicate, mergedInto, mergePrograms, undoMerge } from '../../electron/core/services/duplicates';
import { encodeExchange, type WireChange } from '../../electron/core/sync/exchangeFile';
import { applyImport, exportWork, joinFromFile, listConflicts, readIncoming } from '../../electron/core/sync/service';
import { ENTITIES } from '../../shared/entities';
import { newMasterplan, PROFILE, rebuiltTables } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';

const TABLES = Object.values(ENTITIES).map((e) => e.table);
const tables = (mp: MasterplanDb) => Object.fromEntries(TABLES.map((t) => [t, mp.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));

function exchange(from: MasterplanDb, to: MasterplanDb) {
  const file = path.join(tmpDir(), 'x.rembuk');
  fs.writeFileSync(file, exportWork(from, { facilitator: 'x', appVersion: 'test' }).bytes);
  return applyImport(to, readIncoming(file), true);
}

/** Sends only the changes of `from` that `pick` keeps, through real exchange-file bytes. */
function sendOnly(from: MasterplanDb, to: MasterplanDb, pick: (c: WireChange) => boolean) {
  const all = from.prepare('SELECT stamp, device, entity, row_id, field, value, parent FROM change_log ORDER BY stamp, device').raw().all() as WireChange[];
  const mpRow = from.prepare('SELECT id, title FROM masterplan LIMIT 1').get() as { id: string; title: string };
  const bytes = encodeExchange({ masterplan: mpRow, sender: { deviceId: from.deviceId, facilitator: null }, createdAt: new Date().toISOString(), appVersion: 'test', since: null, versionVector: {} }, all.filter(pick));
  return applyImport(to, readIncoming('memory.rembuk', bytes), true);
}

/** Two laptops with the same masterplan: two OPDs' look-alike programs, and a third program. */
function twoLaptops() {
  const a = newMasterplan({ template: null });
  const dinkes = createOpd(a, { name: 'Dinas Kesehatan', abbr: 'Dinkes' }).id, rsud = createOpd(a, { name: 'RSUD Wangaya', abbr: 'RSUD Wangaya' }).id;
  const dishub = createOpd(a, { name: 'Dinas Perhubungan', abbr: 'Dishub' }).id;
  const p = createProgram(a, { leadOpdId: dinkes, title: 'Aplikasi Antrian Online Puskesmas' }).id;
  const q = createProgram(a, { leadOpdId: rsud, title: 'Sistem Antrean Daring Layanan Puskesmas' }).id;
  const r = createProgram(a, { leadOpdId: dishub, title: 'Ambulans Gawat Darurat 112' }).id;
  const seed = path.join(tmpDir(), 'seed.rembuk');
  fs.writeFileSync(seed, exportWork(a, { facilitator: 'x', appVersion: 'test' }).bytes);
  const b = joinFromFile(path.join(tmpDir(), 'b.sqlite'), readIncoming(seed), 'laptop-2', { profile: { ...PROFILE, id: 'profile-2', name: 'Fasilitator 2' } }).mp;
  return { a, b, p, q, r, dinkes, rsud };
}
const live = (mp: MasterplanDb) => mp.prepare('SELECT id FROM program WHERE deleted = 0 ORDER BY id').pluck().all() as string[];

describe('the duplicate review across laptops', () => {
  it('a merge, a dismissal and a complementary link made on one laptop reach the other', () => {
    const { a, b, p, q, r, rsud } = twoLaptops();
    const { mergeId } = mergePrograms(a, { survivorId: p, otherIds: [q], note: 'satu aplikasi' });
    linkSynergy(b, { programAId: p, programBId: r, roleA: 'antrean', roleB: 'ambulans' });
    markNotDuplicate(b, [q, r]);
    exchange(a, b); exchange(b, a);
    for (const mp of [a, b]) {
      expect(live(mp)).toEqual([p, r].sort());
      expect(mergedInto(mp, p).map((m) => [m.id, m.leadOpdId, m.mergeId])).toEqual([[q, rsud, mergeId]]);
      expect(listSynergies(mp).map((l) => [l.a.id, l.b.id].sort())).toEqual([[p, r].sort()]);
      expect(listNotDuplicates(mp)).toEqual([]); // q is merged: its dismissal names a program no longer live
      expect(duplicateClusters(mp).clusters).toEqual([]);
    }
    expect(tables(b)).toEqual(tables(a));
    // a program created on one laptop and merged away on the other is no conflict (nor is its decision)
    expect([...listConflicts(a), ...listConflicts(b)]).toEqual([]);
    // undone on the other laptop, and that reaches the first
    undoMerge(b, mergeId);
    exchange(b, a);
    for (const mp of [a, b]) expect(live(mp)).toEqual([p, q, r].sort());
    expect(tables(b)).toEqual(tables(a));
    expect(rebuiltTables(a, 'id')).toEqual(rebuiltTables(b, 'id'));
  });

  it('two facilitators typing different roles on one complementary link get a conflict named by its two programs', () => {
    const { a, b, p, r } = twoLaptops();
    linkSynergy(a, { programAId: p, programBId: r, roleA: 'antrean' });
    exchange(a, b);
    linkSynergy(a, { programAId: p, programBId: r, roleA: 'antrean pasien' });
    linkSynergy(b, { programAId: p, programBId: r, roleA: 'antrean rujukan' });
    exchange(b, a);
    const conflicts = listConflicts(a);
    expect(conflicts.map((c) => [c.entity, c.field])).toEqual([['synergy', p < r ? 'roleA' : 'roleB']]);
    expect(conflicts[0]!.label.split(' ↔ ').sort()).toEqual(['Ambulans Gawat Darurat 112', 'Aplikasi Antrian Online Puskesmas']);
  });

  it('merges chained across laptops (q into p here, r into q there) leave every merged program listed under the one kept', () => {
    const { a, b, p, q, r } = twoLaptops();
    mergePrograms(a, { survivorId: p, otherIds: [q] });
    mergePrograms(b, { survivorId: q, otherIds: [r] });
    exchange(a, b); exchange(b, a);
    for (const mp of [a, b]) {
      expect(live(mp)).toEqual([p]);
      expect(mergedInto(mp, p).map((m) => m.id).sort()).toEqual([q, r].sort());
    }
    expect(tables(b)).toEqual(tables(a));
  });

  it('two facilitators merging the same pair each the other way round keep one program, not none', () => {
    const { a, b, p, q, r } = twoLaptops();
    mergePrograms(a, { survivorId: p, otherIds: [q] });
    // b's merge is the later one on the clocks: b first hears of an unrelated edit a made after its merge (two
    // laptops' stamps a few milliseconds apart are otherwise in either order)
    updateProgram(a, r, { notes: 'sesudah penggabungan' });
    sendOnly(a, b, (c) => c[3] === r && c[4] === 'notes');
    mergePrograms(b, { survivorId: q, otherIds: [p] }); // later: its survivor is the one kept
    const atB = exchange(a, b);
    expect(atB.programs).toContainEqual({ id: q, title: 'Sistem Antrean Daring Layanan Puskesmas', opd: 'RSUD Wangaya', effect: 'restored' });
    exchange(b, a);
    exchange(a, b); // the repairs each made meet: equal values, nothing more to repair
    for (const mp of [a, b]) {
      expect(live(mp).filter((id) => id === p || id === q)).toEqual([q]);
      expect(mergedInto(mp, q).map((m) => m.id)).toEqual([p]);
      expect(listMerges(mp).map((m) => m.survivorId)).toEqual([q]);
      expect(duplicateClusters(mp).clusters).toEqual([]);
    }
    expect(tables(b)).toEqual(tables(a));
    expect(rebuiltTables(a, 'id')).toEqual(rebuiltTables(b, 'id'));
    // nothing for a person to settle: the later decision stands whole, and each program merged away had been seen
    // created by the one who merged it
    expect([...listConflicts(a), ...listConflicts(b)]).toEqual([]);
    // and the merge that won can still be undone, everywhere
    undoMerge(a, listMerges(a)[0]!.mergeId);
    exchange(a, b);
    for (const mp of [a, b]) expect(live(mp).filter((id) => id === p || id === q)).toEqual([p, q].sort());
  });
});
