/** The masterplan export (issue 3): real masterplan files, the real worker thread, LibreOffice converting the .docx to
 * PDF, python-docx and exceljs reading the files back. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../electron/core/db/open';
import { migrate } from '../../electron/core/db/migrations';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { createDemo } from '../../electron/core/demo/createDemo';
import { ExportJobs } from '../../electron/core/export/jobs';
import { uuidv7 } from '../../electron/core/ids';
import { createOpd } from '../../electron/core/services/opds';
import { updateNarrative, saveExportSettings } from '../../electron/core/services/narrative';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { startWebServer } from '../../electron/web/server';
import type { ExportProgress } from '../../shared/api/schemas';
import type { ApiResult } from '../../shared/api/contract';
import { narrativeId } from '../../shared/export';
import { cleanText } from '../../shared/text';
import { DIMENSIONS } from '../../shared/reference';
import { INSTALLATION, newMasterplan } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';
import { chapter, pdfPages, readDocx, rupiahValue, type DocxBlock } from '../helpers/exportCheck';
import { generateMasterplan } from '../bench/exportFixture';

const HEADINGS_ID = [
  'KATA PENGANTAR', 'BAB I PENDAHULUAN', 'BAB II ANALISIS STRATEGIS', 'BAB III VISI DAN MISI SMART CITY',
  'BAB IV RENCANA PENGEMBANGAN SMART CITY', 'BAB V QUICK WINS', 'BAB VI PETA JALAN (ROAD MAP)', 'BAB VII SINERGI ANTAR-OPD',
  'BAB VIII PENUTUP', 'LAMPIRAN I REKAPITULASI PROGRAM PER OPD', 'LAMPIRAN II CATATAN PEMAPARAN OPD', 'LAMPIRAN III DAFTAR FASILITATOR',
];

/** Runs an export in the worker and collects its events. */
async function exportWith(dbPath: string, format: 'docx' | 'xlsx', outPath: string) {
  const events: ExportProgress[] = [];
  const jobs = new ExportJobs((p) => events.push(p), () => 'id');
  const job = jobs.start({ dbPath, format, outPath });
  await job.finished;
  return { job, events };
}

/** Program rows of the tables in a chapter: [title, leadOpd, budget text] without header and total rows. */
function programRows(blocks: DocxBlock[], titleCol = 1): string[][] {
  return blocks.filter((b) => b.t === 'table').flatMap((b) => b.rows!.slice(1).filter((r) => /^\d+$/.test(r[0]!)).map((r) => [r[titleCol]!, ...r]));
}

interface DbProgram { title: string; budget: number | null; abbr: string; status: string }
function included(file: string): DbProgram[] {
  const mp = MasterplanDb.open(file, { installationId: INSTALLATION, readonly: true });
  try {
    return mp.prepare(`SELECT p.title, p.budget, o.abbr, p.status FROM program p JOIN opd o ON o.id = p.lead_opd_id
      WHERE p.deleted = 0 AND p.status <> 'dropped'`).all() as DbProgram[];
  } finally { mp.close(); }
}
const counts = (xs: string[]) => { const m = new Map<string, number>(); for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1); return [...m].sort(); };

describe('migration 4: narrative and export settings', () => {
  it('adds the two tables to a version-2 file, leaves every other table as it was, and an old file still exports', async () => {
    const file = path.join(tmpDir(), 'v2.sqlite');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 2);
    db.prepare("INSERT INTO masterplan (id, title, region_name, region_kind, period_start, period_end, deleted, created_stamp, updated_stamp) VALUES ('m1', 'Masterplan Lama', 'Badung', 'kabupaten', 2020, 2024, 0, 's', 's')").run();
    db.prepare("INSERT INTO opd (id, name, abbr, sort_order, deleted, created_stamp, updated_stamp) VALUES ('o1', 'Dinas Kesehatan', 'Dinkes', 1, 0, 's', 's')").run();
    db.prepare("INSERT INTO program (id, lead_opd_id, title, status, budget, dimension, element, deleted, created_stamp, updated_stamp) VALUES ('p1', 'o1', 'Telemedisin', 'agreed', 250000000, 'living', 'health', 0, 's', 's')").run();
    const before = db.prepare('SELECT * FROM program').all();
    // an un-migrated (v2) file exports too: the reader does not need the new tables
    const out = path.join(path.dirname(file), 'old.docx');
    db.close();
    const { job } = await exportWith(file, 'docx', out);
    expect(job.state).toBe('done');
    expect(programRows(chapter(readDocx(out), 'BAB IV')).map((r) => r[0])).toEqual(['Telemedisin']);
    const db2 = new Database(file);
    migrate(db2, 4);
    expect(db2.pragma('user_version', { simple: true })).toBe(4);
    expect(db2.prepare('SELECT * FROM program').all()).toEqual(before);
    const cols = (t: string) => (db2.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('narrative')).toEqual(['id', 'section', 'title', 'body', 'deleted', 'created_stamp', 'updated_stamp']);
    expect(cols('export_settings')).toEqual(['id', 'paper', 'margin_top', 'margin_right', 'margin_bottom', 'margin_left', 'font_family', 'font_size', 'rupiah_style', 'language', 'chapters', 'statuses', 'include_notes', 'deleted', 'created_stamp', 'updated_stamp']);
    db2.close();
  });
});

describe('Word export of the demo masterplan', () => {
  it('has every chapter, every included program once in BAB IV and once in Lampiran I, totals that match, and converts to PDF', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'demo.sqlite');
    const mp = createDemo(file, INSTALLATION);
    updateNarrative(mp, narrativeId('background'), { body: 'Kota Denpasar adalah **ibu kota** Provinsi Bali.\n\nPoin utama:\n- layanan publik *terpadu*\n- data terbuka' });
    updateNarrative(mp, narrativeId('swot_s'), { body: '- Budaya Bali yang kuat\n- SDM TIK tersedia' });
    updateNarrative(mp, narrativeId('vision'), { title: 'Visi Denpasar Kreatif', body: 'Denpasar Kreatif Berwawasan Budaya dalam Keseimbangan menuju Keharmonisan' });
    const dropped = mp.prepare("SELECT count(*) FROM program WHERE deleted = 0 AND status = 'dropped'").pluck().get() as number;
    mp.close();

    const out = path.join(dir, 'Masterplan Denpasar.docx');
    const { job, events } = await exportWith(file, 'docx', out);
    expect(job.state, JSON.stringify(events.at(-1))).toBe('done');
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['queued', 'load', 'build', 'write', 'done']));
    expect(fs.readdirSync(dir).filter((f) => f.includes('rembuk-tmp'))).toEqual([]);

    const doc = readDocx(out);
    const h1 = doc.body.filter((b) => b.t === 'p' && b.style === 'Heading 1').map((b) => b.text);
    expect(h1).toEqual(HEADINGS_ID);
    expect(doc.tocFields).toEqual(['TOC \\h \\o "1-3"', 'TOC \\h \\t "Caption,1"']);
    expect(doc.styles).toEqual(expect.arrayContaining(['Title', 'Heading 1', 'Heading 2', 'Heading 3', 'Caption']));
    expect(doc.sections.some((s) => s.orientation === 1 && s.width_mm === 297)).toBe(true);
    expect(doc.sections.slice(1).every((s) => s.header === 'Masterplan Smart City Kota Denpasar 2019–2028')).toBe(true);

    const programs = included(file);
    expect(programs.length).toBeGreaterThan(150);
    // BAB IV: title + lead OPD of every included program exactly once; no dropped program
    const bab4 = chapter(doc, 'BAB IV');
    const rows4 = programRows(bab4);
    expect(counts(rows4.map((r) => `${r[0]} | ${r[4]}`))).toEqual(counts(programs.map((p) => `${p.title} | ${p.abbr}`)));
    expect(dropped).toBeGreaterThan(0);
    // every BAB IV table: a repeated header row, and its total row = the sum of its rows
    const tables4 = bab4.filter((b) => b.t === 'table');
    expect(tables4.length).toBeGreaterThan(10);
    let sumOfTotals = 0;
    for (const t of tables4) {
      expect(t.header).toEqual([true]);
      const last = t.rows!.at(-1)!;
      expect(last[1]).toBe('Jumlah');
      const rows = t.rows!.slice(1, -1);
      expect(rupiahValue(last[7]!)).toBe(rows.reduce((a, r) => a + rupiahValue(r[7]!), 0));
      sumOfTotals += rupiahValue(last[7]!);
    }
    const budgetSum = programs.reduce((a, p) => a + (p.budget ?? 0), 0);
    expect(sumOfTotals).toBe(budgetSum);
    const intro = bab4.find((b) => b.t === 'p' && b.text!.startsWith('Bab ini memuat'))!;
    expect(intro.text).toContain(`${programs.length} program`);
    expect(intro.text).toContain(`Rp${budgetSum.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')},00`);
    // Captions numbered by chapter
    expect(bab4.filter((b) => b.style === 'Caption').map((b) => b.text!.split(' ').slice(0, 2).join(' ')).slice(0, 3)).toEqual(['Tabel 4.1', 'Tabel 4.2', 'Tabel 4.3']);

    // Lampiran I: each program once, in its OPD's table
    const lamp = chapter(doc, 'LAMPIRAN I ');
    expect(counts(programRows(lamp).map((r) => r[0]!))).toEqual(counts(programs.map((p) => p.title)));
    const lampTotals = lamp.filter((b) => b.t === 'table').reduce((a, t) => a + rupiahValue(t.rows!.at(-1)![6]!), 0);
    expect(lampTotals).toBe(budgetSum);

    // BAB VI: the budget by dimension per year adds up to the same total
    const bab6 = chapter(doc, 'BAB VI');
    const byDim = bab6.filter((b) => b.t === 'table')[1]!;
    expect(rupiahValue(byDim.rows!.at(-1)!.at(-1)!)).toBe(budgetSum);
    // year columns are in millions of rupiah, rounded to whole millions
    const yearCols = byDim.rows!.at(-1)!.slice(1, -1).map((c) => (c === '-' ? 0 : Number(c.replace(/\./g, '').replace(',', '.')) * 1e6));
    expect(Math.abs(yearCols.reduce((a, b) => a + b, 0) - budgetSum)).toBeLessThanOrEqual(yearCols.length * 500_000);

    // BAB VII: the programs with related OPDs
    const shared = programRows(chapter(doc, 'BAB VII'));
    expect(shared.length).toBeGreaterThan(10);
    expect(shared.every((r) => r[5]!.length > 0)).toBe(true);

    // narrative carried with its markup: paragraphs, bullets; SWOT quadrant in its table
    const bab1 = chapter(doc, 'BAB I ');
    expect(bab1.map((b) => b.text)).toEqual(expect.arrayContaining(['Kota Denpasar adalah ibu kota Provinsi Bali.', 'layanan publik terpadu', 'data terbuka']));
    expect(bab1.find((b) => b.text === 'data terbuka')!.style).not.toBe('Heading 2');
    const swot = chapter(doc, 'BAB II').find((b) => b.t === 'table')!;
    expect(swot.rows![0]![0]).toContain('Budaya Bali yang kuat');
    expect(chapter(doc, 'BAB III').map((b) => b.text)).toContain('3.1 Visi Denpasar Kreatif');

    const { pages } = pdfPages(out);
    expect(pages).toBeGreaterThan(40);
 
  }, 180_000);

  it('the Excel export has all programs with filter and frozen header, one sheet per dimension, and a synergy sheet', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'demo.sqlite');
    createDemo(file, INSTALLATION).close();
    const out = path.join(dir, 'program.xlsx');
    const { job } = await exportWith(file, 'xlsx', out);
    expect(job.state).toBe('done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const programs = included(file);
    const all = wb.worksheets[0]!;
    expect(all.name).toBe('Semua Program');
    expect(all.rowCount - 1).toBe(programs.length);
    expect(all.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(all.autoFilter).toBeTruthy();
    let sum = 0;
    all.eachRow((r, i) => { if (i > 1) sum += Number(r.getCell(11).value ?? 0); });
    expect(sum).toBe(programs.reduce((a, p) => a + (p.budget ?? 0), 0));
    const perDim = wb.worksheets.slice(1, 1 + DIMENSIONS.length);
    expect(perDim.map((w) => w.name)).toEqual(DIMENSIONS.map((d) => d.label.id.replace(/\s*\(.*\)$/, '')));
    expect(perDim.reduce((a, w) => a + w.rowCount - 1, 0)).toBe(programs.length);
    const synergy = wb.getWorksheet('Sinergi')!;
    const mp = MasterplanDb.open(file, { installationId: INSTALLATION, readonly: true });
    const withRelated = mp.prepare(`SELECT count(DISTINCT p.id) FROM program p JOIN program_opd r ON r.program_id = p.id AND r.deleted = 0 AND r.opd_id <> p.lead_opd_id
      WHERE p.deleted = 0 AND p.status <> 'dropped'`).pluck().get() as number;
    mp.close();
    expect(synergy.rowCount - 1).toBe(withRelated);
  });
});

describe('Word export of hostile input', () => {
  it('removes XML-forbidden characters, carries long text, line breaks, bullets, Balinese, emoji and RTL exactly, and says when a dimension is empty', async () => {
    const mp = newMasterplan({ template: null });
    const opd = createOpd(mp, { name: 'Dinas Kebudayaan ᬤᬾᬦ᭄ᬧᬲᬃ 🎭', abbr: 'Disbud' });
    const long = 'Panjang '.repeat(625).trim(); // 5,000 characters
    const hostile = 'Baris satu\u000B ditempel dari Word\u0000\nBaris dua: ᬤᬾᬦ᭄ᬧᬲᬃ 🏝️ مدينة ذكية\n- butir pertama\n- butir kedua **tebal**';
    const id = uuidv7();
    // Straight through the write path (no API cleaning), as if an old file or another tool had stored it.
    mp.write([{ entity: 'program', id, set: { leadOpdId: opd.id, title: 'Program ᬤᬾᬦ᭄ᬧᬲᬃ 🎉 عربي\u0007', description: hostile, outputs: long, dimension: 'living', element: 'health', status: 'agreed', budget: 1_500_000_000, startYear: 2020, endYear: 2021, quickWin: false } }]);
    updateNarrative(mp, narrativeId('foreword'), { body: `Om Swastiastu ᬒᬁᬲ᭄ᬯᬲ᭄ᬢ᭄ᬬᬲ᭄ᬢᬸ\u000B 🙏\n${long}` });
    saveExportSettings(mp, mp.masterplanId()!, { rupiahStyle: 'common' }, 'id');
    const file = mp.path;
    mp.close();

    const out = path.join(path.dirname(file), 'hostile.docx');
    const { job, events } = await exportWith(file, 'docx', out);
    expect(job.state, JSON.stringify(events.at(-1))).toBe('done');
    const xml = spawnSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);

    const doc = readDocx(out);
    const rows = programRows(chapter(doc, 'BAB IV'));
    expect(rows.length).toBe(1);
    const row = rows[0]!;
    expect(row[0]).toBe('Program ᬤᬾᬦ᭄ᬧᬲᬃ 🎉 عربي');
    expect(row[3]).toBe(cleanText('Baris satu ditempel dari Word\nBaris dua: ᬤᬾᬦ᭄ᬧᬲᬃ 🏝️ مدينة ذكية\n• butir pertama\n• butir kedua tebal'));
    expect(row[10]).toBe(long);
    expect(row[8]).toBe('Rp 1.500.000.000');
    const foreword = chapter(doc, 'KATA PENGANTAR').map((b) => b.text).slice(0, 3); // then the table of contents
    expect(foreword).toEqual(['KATA PENGANTAR', 'Om Swastiastu ᬒᬁᬲ᭄ᬯᬲ᭄ᬢ᭄ᬬᬲ᭄ᬢᬸ 🙏', long]);
    // the five dimensions without programs each say so
    const bab4 = chapter(doc, 'BAB IV').map((b) => b.text);
    expect(bab4.filter((t) => t === 'Belum ada program pada dimensi ini.').length).toBe(DIMENSIONS.length - 1);
    expect(chapter(doc, 'LAMPIRAN I ').some((b) => b.style === 'Heading 2' && b.text === 'I.1 Dinas Kebudayaan ᬤᬾᬦ᭄ᬧᬲᬃ 🎭 (Disbud)')).toBe(true);
    expect(pdfPages(out).pages).toBeGreaterThan(10);
 
  }, 180_000);

  it('a masterplan with no programs still gives a valid document that says so, in English when chosen', async () => {
    const mp = newMasterplan({ template: null });
    saveExportSettings(mp, mp.masterplanId()!, { language: 'en', paper: 'f4' }, 'id');
    const file = mp.path;
    mp.close();
    const out = path.join(path.dirname(file), 'empty.docx');
    const { job } = await exportWith(file, 'docx', out);
    expect(job.state).toBe('done');
    const doc = readDocx(out);
    expect(doc.body.filter((b) => b.style === 'Heading 1').map((b) => b.text)).toContain('CHAPTER IV SMART CITY DEVELOPMENT PLAN');
    expect(chapter(doc, 'CHAPTER IV').map((b) => b.text)).toEqual(expect.arrayContaining([
      'No programs have been recorded for this masterplan yet (or none has a status selected for export).', 'This dimension has no programs yet.',
    ]));
    expect(doc.body.filter((b) => b.t === 'table' && chapter(doc, 'CHAPTER IV').includes(b))).toEqual([]);
    expect(doc.sections[0]).toMatchObject({ width_mm: 215, height_mm: 330 });
    expect(pdfPages(out).pages).toBeGreaterThan(5);
 
  }, 180_000);
});

describe('export jobs, targets and the API', () => {
  function setup() {
    const ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
    const events: ExportProgress[] = [];
    ws.subscribe((e, p) => { if (e === 'export.progress') events.push(p as ExportProgress); });
    const handlers = createHandlers(ws);
    const api = async <T = any>(name: string, input: unknown): Promise<ApiResult<T>> => // eslint-disable-line @typescript-eslint/no-explicit-any
      (await dispatch(handlers, name, input, { language: () => ws.language, checkOutputs: true })) as ApiResult<T>;
    return { ws, api, events };
  }

  it('narrative and settings save through the write path; bad settings are refused with a sentence and change nothing', async () => {
    const { ws, api } = setup();
    await api('app.saveProfile', { name: 'Ayu', institution: 'Kominfo' });
    await api('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: null });
    const before = (await api<{ section: string; body: string | null }[]>('narrative.list', {}));
    expect(before.ok && before.data.length).toBe(17);
    const r = await api('narrative.update', { id: 'narrative-vision', patch: { body: 'Visi\u000B kota' } });
    expect(r).toMatchObject({ ok: true, data: { section: 'vision', body: 'Visi kota' } });
    const mp = ws.require();
    expect(mp.prepare("SELECT count(*) FROM change_log WHERE entity = 'narrative'").pluck().get()).toBe(3); // deleted, section, body
    expect(await api('narrative.update', { id: 'narrative-nope', patch: { body: 'x' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const s = await api<{ id: string; paper: string; chapters: Record<string, boolean> }>('export.getSettings', {});
    expect(s).toMatchObject({ ok: true, data: { paper: 'a4', fontFamily: 'Arial', rupiahStyle: 'official', statuses: ['proposed', 'agreed', 'revise', 'postponed'] } });
    const id = s.ok ? s.data.id : '';
    expect(await api('export.saveSettings', { id, patch: { paper: 'f4', chapters: { bab6: false } } })).toMatchObject({ ok: true, data: { paper: 'f4', chapters: { bab6: false, bab4: true } } });
    const changes = mp.changeCount();
    const bad = await api('export.saveSettings', { id, patch: { fontSize: 100 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'FIELD_INVALID' } });
    expect(mp.changeCount()).toBe(changes);
  });

  it('refuses a target open in Word or LibreOffice and a read-only folder, in both languages, leaving the old file as it was', async () => {
    const { ws, api } = setup();
    await api('app.saveProfile', { name: 'Ayu', institution: 'Kominfo' });
    await api('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: null });
    const dir = tmpDir();
    const target = path.join(dir, 'Masterplan.docx');
    fs.writeFileSync(target, 'the version the city edited');
    fs.writeFileSync(path.join(dir, '.~lock.Masterplan.docx#'), 'LibreOffice lock');
    const r = await api('export.start', { format: 'docx', path: target });
    expect(r).toMatchObject({ ok: false, error: { code: 'EXPORT_TARGET_LOCKED', message: expect.stringContaining('sedang dibuka di program lain') } });
    ws.config.update((d) => { d.language = 'en'; });
    expect(await api('export.start', { format: 'docx', path: target })).toMatchObject({ ok: false, error: { code: 'EXPORT_TARGET_LOCKED', message: expect.stringContaining('is open in another program') } });
    fs.rmSync(path.join(dir, '.~lock.Masterplan.docx#'));
    fs.writeFileSync(path.join(dir, '~$Masterplan.docx'), 'Word owner file');
    expect(await api('export.start', { format: 'docx', path: target })).toMatchObject({ ok: false, error: { code: 'EXPORT_TARGET_LOCKED' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('the version the city edited');
    // /sys refuses writes even to root
    const ro = await api('export.start', { format: 'docx', path: '/sys/Masterplan.docx' });
    expect(ro).toMatchObject({ ok: false, error: { code: 'FOLDER_READONLY', message: expect.stringContaining('cannot be written') } });
    ws.config.update((d) => { d.language = 'id'; });
    expect(await api('export.start', { format: 'docx', path: '/sys/Masterplan.docx' })).toMatchObject({ ok: false, error: { code: 'FOLDER_READONLY', message: expect.stringContaining('tidak dapat ditulisi') } });
    expect(await api('export.start', { format: 'docx', path: path.join(dir, 'missing', 'x.docx') })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_FOUND' } });
    expect(await api('export.open', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'EXPORT_NOT_FOUND' } });
  });

  it('cancel stops the worker: no file, no temp file, a cancelled event', async () => {
    const dir = tmpDir();
    const db = generateMasterplan(dir, 2000);
    const events: ExportProgress[] = [];
    const jobs = new ExportJobs((p) => events.push(p), () => 'id');
    const out = path.join(dir, 'cancelled.docx');
    const job = jobs.start({ dbPath: db, format: 'docx', outPath: out });
    await expect.poll(() => events.some((e) => e.phase === 'load' || e.phase === 'build'), { timeout: 30_000 }).toBe(true);
    await jobs.cancel(job.id);
    await job.finished;
    expect(job.state).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ jobId: job.id, phase: 'cancelled' });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.docx') || f.includes('rembuk-tmp'))).toEqual([]);
  });

  it('in the browser harness: exports into the data folder and serves the file only with the token', async () => {
    const dataDir = tmpDir();
    const server = await startWebServer({ dataDir, staticDir: tmpDir(), version: 'test', token: 'tok-export' });
    try {
      const post = async (op: string, input: unknown) => (await (await fetch(`http://127.0.0.1:${server.port}/api/${op}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok-export' }, body: JSON.stringify(input),
      })).json()) as ApiResult<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      await post('app.saveProfile', { name: 'Ayu', institution: 'Kominfo' });
      await post('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
      const started = await post('export.start', { format: 'xlsx' });
      expect(started.ok).toBe(true);
      const { jobId, path: file } = started.ok ? started.data : { jobId: '', path: '' };
      expect(path.dirname(file)).toBe(path.join(dataDir, 'exports'));
      expect((await server.workspace.exports.get(jobId).finished).state).toBe('done');
      const denied = await fetch(`http://127.0.0.1:${server.port}/api/download/${jobId}`);
      expect(denied.status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${server.port}/api/download/${jobId}`, { headers: { Authorization: 'Bearer tok-export' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('.xlsx');
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(fs.readFileSync(file))).toBe(true);
      expect((await fetch(`http://127.0.0.1:${server.port}/api/download/unknown`, { headers: { Authorization: 'Bearer tok-export' } })).status).toBe(404);
      expect(await post('export.open', { jobId })).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    } finally { await server.close(); }
  });

  it('the CLI writes Word on F4 in English and Excel, and refuses wrong usage', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'demo.sqlite');
    createDemo(file, INSTALLATION).close();
    const bin = path.resolve('electron/cli/rembuk.mjs');
    const env = { ...process.env, REMBUK_DATA: tmpDir() };
    const docx = path.join(dir, 'out.docx');
    const r = spawnSync(process.execPath, [bin, 'export', 'docx', file, '-o', docx, '--paper', 'f4', '--lang', 'en'], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Document written: .*out\.docx \(\d+ programs\)/);
    const doc = readDocx(docx);
    expect(doc.sections[0]).toMatchObject({ width_mm: 215, height_mm: 330 });
    expect(doc.body.filter((b) => b.style === 'Heading 1').map((b) => b.text)).toContain('CHAPTER I INTRODUCTION');
    const x = spawnSync(process.execPath, [bin, 'export', 'xlsx', file, '-o', path.join(dir, 'out.xlsx')], { encoding: 'utf8', env });
    expect(x.status).toBe(0);
    expect(fs.statSync(path.join(dir, 'out.xlsx')).size).toBeGreaterThan(10_000);
    expect(spawnSync(process.execPath, [bin, 'export', 'pdf', file, '-o', 'x.pdf'], { encoding: 'utf8', env }).status).toBe(2);
    const locked = spawnSync(process.execPath, [bin, 'export', 'docx', file, '-o', '/sys/x.docx'], { encoding: 'utf8', env });
    expect(locked.status).toBe(1);
    expect(locked.stderr).toMatch(/^rembuk: Folder tidak dapat ditulisi: \/sys\./);
  }, 240_000);
});
