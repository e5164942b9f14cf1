/** Duplicate finding meets the Word export: a merge leaves one program with both OPDs, and BAB VII lists the merge and
 * the complementary pair; a real docx read back with python-docx. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpd } from '../../electron/core/services/opds';
import { createProgram, getProgram } from '../../electron/core/services/programs';
import { linkSynergy, mergePrograms } from '../../electron/core/services/duplicates';
import { runExport } from '../../electron/core/export/run';
import { newMasterplan } from '../helpers/fixtures';
import { chapter, readDocx } from '../helpers/exportCheck';
import { tmpDir } from '../helpers/tmp';

describe('synergy chapter of the export', () => {
  it('lists a merged duplicate (kept program, both OPDs) and a complementary pair', async () => {
    const mp = newMasterplan({ template: null });
    const dinkes = createOpd(mp, { name: 'Dinas Kesehatan', abbr: 'Dinkes' });
    const rsud = createOpd(mp, { name: 'RSUD Wangaya', abbr: 'RSUD Wangaya' });
    const dishub = createOpd(mp, { name: 'Dinas Perhubungan', abbr: 'Dishub' });
    const a = createProgram(mp, { leadOpdId: dinkes.id, title: 'Aplikasi Antrean Puskesmas Daring', element: 'health' });
    const b = createProgram(mp, { leadOpdId: rsud.id, title: 'Sistem Antrean Daring Layanan Kesehatan', element: 'health' });
    const c = createProgram(mp, { leadOpdId: dishub.id, title: 'Smart Parking', element: 'mobility' });
    const d = createProgram(mp, { leadOpdId: dinkes.id, title: 'Ambulans Gawat Darurat 112', element: 'health' });
    mergePrograms(mp, { survivorId: a.id, otherIds: [b.id], leadOpdId: dinkes.id, note: 'Satu aplikasi antrean untuk puskesmas dan RSUD' });
    linkSynergy(mp, { programAId: c.id, programBId: d.id, note: 'Jalur ambulans prioritas', roleA: 'Dishub: jalur', roleB: 'Dinkes: armada' });
    const kept = getProgram(mp, a.id);
    expect(kept.relatedOpdIds).toEqual([rsud.id]);
    expect(getProgram(mp, b.id).deleted).toBe(true);
    const file = mp.path;
    mp.syncToDisk();
    mp.close();

    const out = path.join(tmpDir(), 'masterplan.docx');
    await runExport({ dbPath: file, format: 'docx', outPath: out });
    const bab7 = chapter(readDocx(out), 'BAB VII');
    const text = JSON.stringify(bab7);
    expect(text).toContain('Aplikasi Antrean Puskesmas Daring');
    expect(text).toContain('RSUD Wangaya'); // the merged program's OPD is now a related OPD of the kept one
    expect(text).toContain('Sistem Antrean Daring Layanan Kesehatan'); // named in the resolved-duplicates table
    expect(text).toContain('Jalur ambulans prioritas');
    expect(text).not.toContain('Belum ada pasangan program'); // the "none recorded" sentences are gone
    expect(text).not.toContain('Belum ada duplikasi program');
  }, 120_000);
});
