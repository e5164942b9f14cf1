/** The Excel export (exceljs): all programs (autofilter, frozen header), one sheet per dimension, a synergy sheet
 * (programs with related OPDs), and the duplicate review's records: complementary pairs (each OPD's role) and resolved
 * duplicates (one row per program merged, with the OPD it came from). */
import ExcelJS from 'exceljs';
import { translator } from '../../../shared/i18n';
import { DIMENSIONS, FUNDING_SOURCES, HORIZONS, PROGRAM_STATUSES, elementLabel, labelOf } from '../../../shared/reference';
import type { ExportModel, ProgramM } from './model';

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ . */
export function sheetName(s: string, used: Set<string>): string {
  const base = s.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base, i = 2;
  while (used.has(name.toLowerCase())) { const suffix = ` (${i++})`; name = base.slice(0, 31 - suffix.length) + suffix; }
  used.add(name.toLowerCase());
  return name;
}

export async function buildXlsx(m: ExportModel, progress: (done: number, total: number) => void = () => {}): Promise<Buffer> {
  const t = translator(m.settings.language);
  const lang = m.settings.language;
  const c = (k: string) => t(`export.doc.col.${k}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rembuk';
  wb.title = m.masterplan.title;
  const used = new Set<string>();
  const opd = (id: string) => { const o = m.opdById.get(id); return o ? (o.abbr || o.name) : ''; };
  const money = m.settings.rupiahStyle === 'official' ? '"Rp"#,##0.00' : '"Rp "#,##0';
  const columns = [
    { header: c('no'), key: 'no', width: 6 }, { header: c('program'), key: 'title', width: 40 }, { header: c('description'), key: 'description', width: 50 },
    { header: c('dimension'), key: 'dimension', width: 26 }, { header: c('element'), key: 'element', width: 26 }, { header: c('leadOpd'), key: 'lead', width: 14 },
    { header: c('relatedOpd'), key: 'related', width: 22 }, { header: c('horizon'), key: 'horizon', width: 22 }, { header: c('start'), key: 'start', width: 8 },
    { header: c('end'), key: 'end', width: 8 }, { header: c('budget'), key: 'budget', width: 22, style: { numFmt: money } },
    { header: c('funding'), key: 'funding', width: 12 }, { header: c('outputs'), key: 'outputs', width: 40 }, { header: c('rpjmd'), key: 'rpjmd', width: 24 },
    { header: c('status'), key: 'status', width: 14 }, { header: c('quickWin'), key: 'quickWin', width: 10 },
    ...(m.settings.includeNotes ? [{ header: c('notes'), key: 'notes', width: 40 }] : []),
  ];
  const row = (p: ProgramM, no: number) => ({
    no, title: p.title, description: p.description, dimension: p.dimension ? labelOf(DIMENSIONS, p.dimension, lang) : '',
    element: p.element ? elementLabel(p.element, lang) : '', lead: opd(p.leadOpdId), related: p.relatedOpdIds.map(opd).join(', '),
    horizon: p.horizon ? labelOf(HORIZONS, p.horizon, lang) : '', start: p.startYear, end: p.endYear, budget: p.budget,
    funding: p.funding ? labelOf(FUNDING_SOURCES, p.funding, lang) : '', outputs: p.outputs, rpjmd: p.rpjmdRef,
    status: labelOf(PROGRAM_STATUSES, p.status, lang), quickWin: p.quickWin ? '✓' : '', notes: p.notes,
  });
  const total = m.programs.length * 2 + 1;
  let done = 0;
  const sheet = (name: string, ps: ProgramM[]) => {
    const ws = wb.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((col) => ({ ...col }));
    ps.forEach((p, i) => { ws.addRow(row(p, i + 1)); if (++done % 500 === 0) progress(done, total); });
    ws.getRow(1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
    ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3864' } };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ps.length + 1), column: columns.length } };
    return ws;
  };
  sheet(t('export.sheet.all'), m.programs);
  for (const d of DIMENSIONS) sheet(d.label[lang].replace(/\s*\(.*\)$/, ''), m.programs.filter((p) => p.dimension === d.id));
  const noDim = m.programs.filter((p) => !p.dimension);
  if (noDim.length) sheet(t('export.sheet.noDimension'), noDim);

  const syn = wb.addWorksheet(sheetName(t('export.sheet.synergy'), used), { views: [{ state: 'frozen', ySplit: 1 }] });
  syn.columns = [
    { header: c('no'), key: 'no', width: 6 }, { header: c('program'), key: 'title', width: 40 }, { header: c('dimension'), key: 'dimension', width: 26 },
    { header: c('leadOpd'), key: 'lead', width: 14 }, { header: c('relatedOpd'), key: 'related', width: 30 }, { header: c('budget'), key: 'budget', width: 22, style: { numFmt: money } },
  ];
  const shared = m.programs.filter((p) => p.relatedOpdIds.length > 0);
  shared.forEach((p, i) => { syn.addRow({ no: i + 1, title: p.title, dimension: p.dimension ? labelOf(DIMENSIONS, p.dimension, lang) : '', lead: opd(p.leadOpdId), related: p.relatedOpdIds.map(opd).join(', '), budget: p.budget }); });
  syn.getRow(1).font = { bold: true };
  syn.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, shared.length + 1), column: 6 } };

  // the duplicate review's records, for the programs the export includes (as in BAB VII)
  const byId = new Map(m.programs.map((p) => [p.id, p]));
  const records = (name: string, cols: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) => {
    const ws = wb.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = cols;
    rows.forEach((r, i) => ws.addRow({ no: i + 1, ...r }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: cols.length } };
  };
  records(t('export.sheet.complementary'), [
    { header: c('no'), key: 'no', width: 6 }, { header: c('program'), key: 'a', width: 40 }, { header: c('leadOpd'), key: 'opdA', width: 14 },
    { header: c('role'), key: 'roleA', width: 28 }, { header: c('partnerProgram'), key: 'b', width: 40 }, { header: c('partnerOpd'), key: 'opdB', width: 14 },
    { header: c('partnerRole'), key: 'roleB', width: 28 }, { header: c('note'), key: 'note', width: 40 },
  ], m.synergy.complementary.filter((x) => byId.has(x.programA) && byId.has(x.programB)).map((x) => {
    const a = byId.get(x.programA)!, b = byId.get(x.programB)!;
    return { a: a.title, opdA: opd(a.leadOpdId), roleA: x.roleA, b: b.title, opdB: opd(b.leadOpdId), roleB: x.roleB, note: x.note };
  }));
  records(t('export.sheet.resolvedDuplicates'), [
    { header: c('no'), key: 'no', width: 6 }, { header: c('keptProgram'), key: 'kept', width: 40 }, { header: c('leadOpd'), key: 'lead', width: 14 },
    { header: c('mergedPrograms'), key: 'merged', width: 40 }, { header: c('mergedOpd'), key: 'from', width: 14 }, { header: c('note'), key: 'note', width: 40 },
  ], m.synergy.duplicates.filter((x) => byId.has(x.keptProgramId)).flatMap((x) => x.merged.map((g) => (
    { kept: byId.get(x.keptProgramId)!.title, lead: opd(x.leadOpdId), merged: g.title, from: opd(g.opdId), note: x.note }))));
  progress(total, total);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
