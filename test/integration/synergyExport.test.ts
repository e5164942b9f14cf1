/** Duplicate finding meets the Word and Excel exports: a merge leaves one program with both OPDs, and BAB VII lists the
 * merge (the kept program and the one merged into it, each with its OPD) and the complementary pair (each program with
 * its OPD and that OPD's role); a real docx read back with python-docx, a real xlsx with exceljs. */
import ExcelJS from 'exceljs';
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
  it('lists a merged duplicate (kept program, both OPDs) and a complementary pair, in Word and in Excel', async () => {
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
    const tables = bab7.filter((x) => x.t === 'table');
    expect(tables).toHaveLength(3); // 7.1 shared programs, 7.2 complementary pairs, 7.3 resolved duplicates
    // 7.2: each program with its OPD, and that OPD's role under it
    expect(tables[1]!.rows![0]).toEqual(['No', 'Program', 'Program Mitra', 'Keterangan']);
    const pair = tables[1]!.rows![1]!;
    expect(pair[0]).toBe('1');
    expect(new Set(pair.slice(1, 3))).toEqual(new Set(['Smart Parking (Dishub)\nPeran: Dishub: jalur', 'Ambulans Gawat Darurat 112 (Dinkes)\nPeran: Dinkes: armada']));
    expect(pair[3]).toBe('Jalur ambulans prioritas');
    // 7.3: the program kept with its lead OPD, the one merged into it with the OPD it came from
    expect(tables[2]!.rows).toEqual([
      ['No', 'Program yang Dipertahankan', 'Program yang Digabungkan', 'Keterangan'],
      ['1', 'Aplikasi Antrean Puskesmas Daring (Dinkes)', 'Sistem Antrean Daring Layanan Kesehatan (RSUD Wangaya)', 'Satu aplikasi antrean untuk puskesmas dan RSUD'],
    ]);

    // the Excel export carries the same records, one sheet each
    const xlsx = path.join(tmpDir(), 'program.xlsx');
    await runExport({ dbPath: file, format: 'xlsx', outPath: xlsx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const values = (name: string) => { const rows: unknown[][] = []; wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1))); return rows; };
    const complementary = values('Saling Melengkapi');
    expect(complementary[0]).toEqual(['No', 'Program', 'OPD Pelaksana', 'Peran', 'Program Mitra', 'OPD Mitra', 'Peran Mitra', 'Keterangan']);
    expect(complementary).toHaveLength(2);
    const [, first, opdA, roleA, partner, opdB, roleB, note] = complementary[1]!;
    expect(new Set([`${first}|${opdA}|${roleA}`, `${partner}|${opdB}|${roleB}`])).toEqual(new Set(['Smart Parking|Dishub|Dishub: jalur', 'Ambulans Gawat Darurat 112|Dinkes|Dinkes: armada']));
    expect(note).toBe('Jalur ambulans prioritas');
    expect(values('Duplikat Diselesaikan')).toEqual([
      ['No', 'Program yang Dipertahankan', 'OPD Pelaksana', 'Program yang Digabungkan', 'OPD Asal', 'Keterangan'],
      [1, 'Aplikasi Antrean Puskesmas Daring', 'Dinkes', 'Sistem Antrean Daring Layanan Kesehatan', 'RSUD Wangaya', 'Satu aplikasi antrean untuk puskesmas dan RSUD'],
    ]);
  }, 120_000);
});
