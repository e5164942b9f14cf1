/** Sync guarantees (docs/sync.md), proved on real files: convergence, idempotence, no silent loss, deletes as
 * changes, atomic import. Replicas are real masterplan files; exchanges go through real exchange-file bytes. */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { createOpd } from '../../electron/core/services/opds';
import { createProgram, deleteProgram, getProgram, restoreProgram, updateProgram } from '../../electron/core/services/programs';
import { createSession } from '../../electron/core/services/sessions';
import { encodeExchange, type WireChange } from '../../electron/core/sync/exchangeFile';
import { applyImport, exportWork, joinFromFile, listConflicts, openConflictCount, previewImport, readIncoming, resolveConflict } from '../../electron/core/sync/service';
import { ENTITIES } from '../../shared/entities';
import { apply, opArb } from '../helpers/randomOps';
import { newMasterplan, PROFILE, rebuiltTables } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';

const TABLES = Object.values(ENTITIES).map((e) => e.table);
const byId = (mp: MasterplanDb) => Object.fromEntries(TABLES.map((t) => [t, mp.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
const log = (mp: MasterplanDb) => mp.prepare('SELECT stamp, device, entity, row_id, field, value, parent FROM change_log ORDER BY stamp, device').raw().all() as WireChange[];

function fileFrom(mp: MasterplanDb, name = 'a'): string {
  const file = path.join(tmpDir(), `${name}.rembuk`);
  const { bytes } = exportWork(mp, { facilitator: 'x', appVersion: 'test' });
  require('node:fs').writeFileSync(file, bytes); // eslint-disable-line @typescript-eslint/no-require-imports
  return file;
}

/** Sends `changes` from one copy to another through real exchange-file bytes. */
function send(from: MasterplanDb, to: MasterplanDb, changes: WireChange[] = log(from)) {
  const mpRow = from.prepare('SELECT id, title FROM masterplan LIMIT 1').get() as { id: string; title: string };
  const bytes = encodeExchange({ masterplan: mpRow, sender: { deviceId: from.deviceId, facilitator: null }, createdAt: new Date().toISOString(), appVersion: 'test', since: null, versionVector: {} }, changes);
  return applyImport(to, readIncoming('memory.rembuk', bytes), true);
}

function replicas(n: number): MasterplanDb[] {
  const first = newMasterplan({ template: null });
  createOpd(first, { name: 'Dinas Kesehatan', abbr: 'Dinkes' });
  createOpd(first, { name: 'Dinas Perhubungan', abbr: 'Dishub' });
  createSession(first, { stage: 4 }, 'id');
  const out = [first];
  for (let i = 1; i < n; i++) {
    const incoming = readIncoming(fileFrom(first, `seed${i}`));
    out.push(joinFromFile(path.join(tmpDir(), `r${i}.sqlite`), incoming, `laptop-${i}`, { profile: { ...PROFILE, id: `profile-${i}`, name: `Fasilitator ${i}` } }).mp);
  }
  return out;
}

describe('sync: convergence, idempotence, no silent loss', () => {
  it('2–5 replicas with random edits and random partial, duplicated, reordered exchanges end identical', () => {
    const step = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat(), op: opArb }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('exchange' as const), from: fc.nat(), to: fc.nat(), cut: fc.double({ min: 0, max: 1, noNaN: true }), twice: fc.boolean(), reverse: fc.boolean() }) },
    );
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.array(step, { minLength: 40, maxLength: 160 }), (n, steps) => {
      const reps = replicas(n);
      try {
        for (const s of steps) {
          if (s.kind === 'edit') { apply(reps[s.replica % n]!, s.op); continue; }
          const from = reps[s.from % n]!, to = reps[s.to % n]!;
          if (from === to) continue;
          const all = log(from);
          // a prefix in HLC order: causally closed, like an older export
          const prefix = all.slice(0, Math.max(1, Math.floor(all.length * s.cut)));
          const changes = s.reverse ? [...prefix].reverse() : prefix;
          send(from, to, changes);
          if (s.twice) expect(send(from, to, changes).changes.new).toBe(0); // idempotent
        }
        // full exchange until nothing new (auto-merges may add changes)
        for (let round = 0; round < 6; round++) {
          let fresh = 0;
          for (const a of reps) for (const b of reps) if (a !== b) fresh += send(a, b).changes.new;
          if (fresh === 0) break;
        }
        const reference = byId(reps[0]!);
        const referenceLog = log(reps[0]!);
        for (const r of reps) {
          expect(byId(r)).toEqual(reference);
          expect(log(r)).toEqual(referenceLog);
          expect(rebuiltTables(r, 'id')).toEqual(reference); // tables are still a function of the log alone
          expect(r.db.pragma('foreign_key_check')).toEqual([]);
        }
        // every value any replica wrote is in every replica's log (current, conflict or history)
        const values = new Set(referenceLog.map((c) => `${c[2]}|${c[3]}|${c[4]}|${c[5]}`));
        for (const r of reps) for (const c of log(r)) expect(values.has(`${c[2]}|${c[3]}|${c[4]}|${c[5]}`)).toBe(true);
      } finally { for (const r of reps) r.close(); }
    }), { numRuns: 25 });
  });

  it('concurrent edits of one field: the loser is an open conflict on both sides; resolving it syncs', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const p = createProgram(a, { leadOpdId: opd, title: 'Smart Parking' });
    send(a, b);
    updateProgram(a, p.id, { title: 'Smart Parking Kota' });
    updateProgram(b, p.id, { title: 'Parkir Cerdas' });
    send(a, b);
    send(b, a);
    expect(getProgram(a, p.id).title).toBe(getProgram(b, p.id).title);
    expect(openConflictCount(a)).toBe(1);
    expect(openConflictCount(b)).toBe(1);
    const [conflict] = listConflicts(b);
    expect(new Set([conflict!.winner.value, conflict!.loser.value])).toEqual(new Set(['Smart Parking Kota', 'Parkir Cerdas']));
    resolveConflict(b, conflict!.id, { keep: 'custom', value: 'Smart Parking Terpadu' });
    expect(openConflictCount(b)).toBe(0);
    send(b, a);
    expect(openConflictCount(a)).toBe(0);
    expect(getProgram(a, p.id).title).toBe('Smart Parking Terpadu');
  });

  it('concurrent edits of different lines of a description merge cleanly, without a conflict', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const p = createProgram(a, { leadOpdId: opd, title: 'Telemedisin', description: 'baris satu\nbaris dua\nbaris tiga' });
    send(a, b);
    updateProgram(a, p.id, { description: 'baris satu (A)\nbaris dua\nbaris tiga' });
    updateProgram(b, p.id, { description: 'baris satu\nbaris dua\nbaris tiga (B)' });
    send(a, b); send(b, a); send(a, b);
    expect(getProgram(a, p.id).description).toBe('baris satu (A)\nbaris dua\nbaris tiga (B)');
    expect(getProgram(b, p.id).description).toBe('baris satu (A)\nbaris dua\nbaris tiga (B)');
    expect(openConflictCount(a) + openConflictCount(b)).toBe(0);
  });

  it('an edit made without knowing of a delete is a conflict, and restoring resolves it everywhere', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const p = createProgram(a, { leadOpdId: opd, title: 'E-Parkir' });
    send(a, b);
    deleteProgram(a, p.id);
    updateProgram(b, p.id, { notes: 'Gabungkan dengan PD Parkir' });
    send(a, b); send(b, a);
    expect(getProgram(a, p.id).deleted).toBe(true);
    const [c] = listConflicts(a);
    expect(c).toMatchObject({ kind: 'edit-vs-delete', rowId: p.id });
    resolveConflict(a, c!.id, { keep: 'other' });
    send(a, b);
    for (const r of [a, b]) {
      expect(getProgram(r, p.id)).toMatchObject({ deleted: false, notes: 'Gabungkan dengan PD Parkir' });
      expect(openConflictCount(r)).toBe(0);
    }
  });

  it('a program created on one laptop and deleted or restored on another is no conflict; a restore the deleter had not seen is', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const p = createProgram(a, { leadOpdId: opd, title: 'E-Parkir' });
    const q = createProgram(a, { leadOpdId: opd, title: 'Smart Parking' });
    send(a, b);
    deleteProgram(b, p.id); // b knew the program as a created it
    send(b, a); send(a, b);
    for (const r of [a, b]) { expect(getProgram(r, p.id).deleted).toBe(true); expect(listConflicts(r)).toEqual([]); }
    restoreProgram(a, p.id); // and a, having seen that delete, takes it back
    send(a, b); send(b, a);
    for (const r of [a, b]) { expect(getProgram(r, p.id).deleted).toBe(false); expect(listConflicts(r)).toEqual([]); }
    // a delete that did not know of a restore is still a conflict to settle: a deletes and takes it back, b (not
    // knowing) deletes it later. "Later" on b's clock: b first hears of an unrelated edit a made after its restore
    // (stamps of two laptops a few milliseconds apart are otherwise in either order)
    deleteProgram(a, q.id);
    restoreProgram(a, q.id);
    updateProgram(a, p.id, { notes: 'setelah pemulihan' });
    send(a, b, log(a).filter((c) => c[3] === p.id && c[4] === 'notes'));
    deleteProgram(b, q.id);
    send(a, b); send(b, a);
    for (const r of [a, b]) expect(listConflicts(r).map((c) => [c.rowId, c.field, c.kind])).toEqual([[q.id, 'deleted', 'value']]);
  });

  it('a stale copy does not revert newer edits; "missing on the other side" never means deleted', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const p = createProgram(a, { leadOpdId: opd, title: 'Bank Sampah' });
    send(a, b);
    updateProgram(a, p.id, { title: 'Bank Sampah Digital' });
    const fresh = createProgram(a, { leadOpdId: opd, title: 'TPS3R' });
    send(b, a); // b is stale: knows neither the new title nor TPS3R
    expect(getProgram(a, p.id).title).toBe('Bank Sampah Digital');
    expect(getProgram(a, fresh.id).deleted).toBe(false);
    expect(openConflictCount(a)).toBe(0);
  });

  it('importing the same file twice reports nothing new and changes nothing', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    createProgram(a, { leadOpdId: a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string, title: 'Wi-Fi Taman' });
    const file = fileFrom(a);
    const first = applyImport(b, readIncoming(file), true);
    expect(first.changes.new).toBeGreaterThan(0);
    expect(first.rows.created).toBe(1);
    const before = byId(b);
    const again = applyImport(b, readIncoming(file), true);
    expect(again.changes).toMatchObject({ new: 0, known: first.changes.total });
    expect(byId(b)).toEqual(before);
  });

  it('a preview changes nothing (not even the clock) and tells what an import would do, by program', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    createProgram(a, { leadOpdId: opd, title: 'Antrean Puskesmas Daring' });
    const before = byId(b), clock = b.clock.current(), count = b.changeCount();
    const report = previewImport(b, readIncoming(fileFrom(a)));
    expect(report).toMatchObject({ applied: false, rows: { created: 1 } });
    expect(report.programs).toEqual([expect.objectContaining({ title: 'Antrean Puskesmas Daring', opd: 'Dinkes', effect: 'new' })]);
    expect(byId(b)).toEqual(before);
    expect(b.changeCount()).toBe(count);
    expect(b.clock.current()).toBe(clock);
  });

  it('guards: deleting more than a third of the programs, or a clock far in the future, needs confirmation', () => {
    const [a, b] = replicas(2) as [MasterplanDb, MasterplanDb];
    const opd = a.prepare('SELECT id FROM opd LIMIT 1').pluck().get() as string;
    const ids = [1, 2, 3].map((i) => createProgram(a, { leadOpdId: opd, title: `Program ${i}` }).id);
    send(a, b);
    deleteProgram(a, ids[0]!); deleteProgram(a, ids[1]!);
    const incoming = readIncoming(fileFrom(a));
    expect(previewImport(b, incoming).needsConfirmation).toEqual(['mass-delete']);
    expect(() => applyImport(b, incoming, false)).toThrow(expect.objectContaining({ code: 'IMPORT_NEEDS_CONFIRMATION' }));
    expect(getProgram(b, ids[0]!).deleted).toBe(false);
    expect(applyImport(b, incoming, true).rows.deleted).toBe(2);
  });
});
