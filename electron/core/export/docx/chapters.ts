/** The chapters of the masterplan document, each a function returning its paragraphs and tables. */
import { AlignmentType, Paragraph, ShadingType, Table, TableCell, TableOfContents, TableRow, TextRun, WidthType, StyleLevel } from 'docx';
import { DIMENSIONS, FUNDING_SOURCES, HORIZONS, PROGRAM_STATUSES, elementLabel, labelOf } from '../../../../shared/reference';
import { formatDate, formatDateRange } from '../../../../shared/dates';
import { cleanText } from '../../../../shared/text';
import type { ProgramM } from '../model';
import {
  BAND_FILL, SHADE_FILL, caption, cellP, dataTable, gap, h1, h2, h3, markupParagraphs, narrativeOr, narrativeTitle, para,
  type CellContent, type Col, type Ctx,
} from './common';

type Block = Paragraph | Table | TableOfContents;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
export const roman = (n: number) => ROMAN[n - 1] ?? String(n);

export function chapterTitle(ctx: Ctx, n: number): string {
  return `${ctx.t('export.doc.chapter')} ${roman(n)} ${ctx.t(`export.doc.bab${n}`)}`;
}
export function appendixTitle(ctx: Ctx, n: number): string {
  return `${ctx.t('export.doc.appendix')} ${roman(n)} ${ctx.t(`export.doc.lampiran${n}`)}`;
}

const opdLabel = (ctx: Ctx, id: string) => { const o = ctx.m.opdById.get(id); return o ? (o.abbr || o.name) : ''; };
const years = (p: ProgramM) => (p.startYear == null ? '' : p.endYear == null || p.endYear === p.startYear ? String(p.startYear) : `${p.startYear}–${p.endYear}`);
const budget = (ctx: Ctx, p: ProgramM) => (p.budget == null ? '-' : ctx.rp(p.budget));
const sum = (ps: ProgramM[]) => ps.reduce((a, p) => a + (p.budget ?? 0), 0);
const dimLabel = (ctx: Ctx, id: string | null) => (id ? labelOf(DIMENSIONS, id, ctx.lang) : ctx.t('export.doc.noDimension'));

// ---------- front matter ----------
export function cover(ctx: Ctx): Block[] {
  const m = ctx.m.masterplan;
  const region = `${ctx.t(`export.doc.region.${m.regionKind === 'kabupaten' ? 'kabupaten' : 'kota'}`)} ${m.regionName}`.toUpperCase();
  const stage = ctx.m.stage ? ctx.t(`export.doc.stage`, { stage: roman(ctx.m.stage) }) : '';
  const line = (text: string, size: number, opts: { bold?: boolean; color?: string; before?: number; after?: number; style?: string } = {}) => new Paragraph({
    style: opts.style, alignment: AlignmentType.CENTER, spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 240 },
    children: [new TextRun({ text: cleanText(text), size, bold: opts.bold, color: opts.color ?? '1F3864' })],
  });
  // A deep-blue band with the title, the city's name and the period; below it the draft stamp.
  const band = new Table({
    width: { size: ctx.width.portrait, type: WidthType.DXA }, columnWidths: [ctx.width.portrait],
    borders: { top: { style: 'none', size: 0, color: 'FFFFFF' }, bottom: { style: 'none', size: 0, color: 'FFFFFF' }, left: { style: 'none', size: 0, color: 'FFFFFF' }, right: { style: 'none', size: 0, color: 'FFFFFF' }, insideHorizontal: { style: 'none', size: 0, color: 'FFFFFF' }, insideVertical: { style: 'none', size: 0, color: 'FFFFFF' } },
    rows: [
      new TableRow({ children: [new TableCell({ shading: { type: ShadingType.CLEAR, fill: '1F3864', color: 'auto' }, margins: { top: 600, bottom: 600, left: 300, right: 300 }, children: [
        line(ctx.t('export.doc.coverKicker'), 20, { color: 'BDD7EE', after: 200 }),
        line(ctx.t('export.doc.coverTitle'), 52, { bold: true, color: 'FFFFFF', style: 'Title', after: 240 }),
        line(region, 36, { bold: true, color: 'FFFFFF', after: 80 }),
        line(m.province ? ctx.t('export.doc.province', { province: m.province }) : ' ', 24, { color: 'DDEBF7', after: 360 }),
        line(ctx.t('export.doc.period', { start: m.periodStart, end: m.periodEnd }), 30, { bold: true, color: 'FFFFFF', after: 0 }),
      ] })] }),
      new TableRow({ children: [new TableCell({ shading: { type: ShadingType.CLEAR, fill: '2E74B5', color: 'auto' }, children: [line(' ', 8, { after: 0 })] })] }),
    ],
  });
  return [
    line(' ', 20, { before: 1600, after: 0 }),
    band,
    line(ctx.t('export.doc.draft'), 32, { bold: true, color: 'C00000', before: 2400 }),
    line(ctx.t('export.doc.generated', { date: formatDate(ctx.m.generatedAt, ctx.lang) }), 22, { color: '404040' }),
    ...(stage ? [line(stage, 22, { color: '404040' })] : []),
  ];
}

export function foreword(ctx: Ctx, pageBreak: boolean): Block[] {
  return [h1(ctx, narrativeTitle(ctx, 'foreword', ctx.t('export.doc.foreword')), pageBreak), ...narrativeOr(ctx, 'foreword')];
}

export function toc(ctx: Ctx, pageBreak: boolean): Block[] {
  const br = pageBreak && !ctx.fresh;
  ctx.fresh = false;
  return [
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: br, alignment: AlignmentType.CENTER, children: [new TextRun({ text: ctx.t('export.doc.toc'), bold: true, size: 28 })] }),
    new TableOfContents(ctx.t('export.doc.toc'), { hyperlink: true, headingStyleRange: '1-3' }),
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [new TextRun({ text: ctx.t('export.doc.listOfTables'), bold: true, size: 28 })] }),
    new TableOfContents(ctx.t('export.doc.listOfTables'), { hyperlink: true, stylesWithLevels: [new StyleLevel('Caption', 1)] }),
  ];
}

// ---------- BAB I–III, VIII: narrative ----------
export function bab1(ctx: Ctx): Block[] {
  const sec = (n: number, key: 'background' | 'purpose' | 'legal' | 'scope' | 'systematics') =>
    [h2(`1.${n} ${narrativeTitle(ctx, key, ctx.t(`export.doc.s.${key}`))}`), ...narrativeOr(ctx, key)];
  return [h1(ctx, chapterTitle(ctx, 1)), ...sec(1, 'background'), ...sec(2, 'purpose'), ...sec(3, 'legal'), ...sec(4, 'scope'), ...sec(5, 'systematics')];
}

export function bab2(ctx: Ctx): Block[] {
  const quad = (key: 'swot_s' | 'swot_w' | 'swot_o' | 'swot_t', fill: string) => {
    const body = ctx.m.narrative[key]?.body ?? '';
    return new TableCell({
      width: { size: Math.floor(ctx.width.portrait / 2), type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, fill, color: 'auto' },
      children: [cellP(narrativeTitle(ctx, key, ctx.t(`export.doc.s.${key}`)), { bold: true }), ...(body.trim() ? markupParagraphs(body, { inCell: true }) : [cellP('-')])],
    });
  };
  const swot = new Table({
    width: { size: ctx.width.portrait, type: WidthType.DXA }, columnWidths: [Math.floor(ctx.width.portrait / 2), Math.floor(ctx.width.portrait / 2)],
    rows: [
      new TableRow({ cantSplit: true, children: [quad('swot_s', 'E2EFDA'), quad('swot_w', 'FCE4D6')] }),
      new TableRow({ cantSplit: true, children: [quad('swot_o', 'DDEBF7'), quad('swot_t', 'FFF2CC')] }),
    ],
  });
  return [
    h1(ctx, chapterTitle(ctx, 2)),
    h2(`2.1 ${narrativeTitle(ctx, 'regionProfile', ctx.t('export.doc.s.regionProfile'))}`), ...narrativeOr(ctx, 'regionProfile'),
    h2(`2.2 ${narrativeTitle(ctx, 'readiness', ctx.t('export.doc.s.readiness'))}`), ...narrativeOr(ctx, 'readiness'),
    h2(`2.3 ${ctx.t('export.doc.s.swot')}`), caption(ctx, 2, ctx.t('export.doc.swotCaption')), swot, gap(),
    h2(`2.4 ${narrativeTitle(ctx, 'strategicIssues', ctx.t('export.doc.s.strategicIssues'))}`), ...narrativeOr(ctx, 'strategicIssues'),
  ];
}

export function bab3(ctx: Ctx): Block[] {
  return [
    h1(ctx, chapterTitle(ctx, 3)),
    h2(`3.1 ${narrativeTitle(ctx, 'vision', ctx.t('export.doc.s.vision'))}`), ...narrativeOr(ctx, 'vision'),
    h2(`3.2 ${narrativeTitle(ctx, 'mission', ctx.t('export.doc.s.mission'))}`), ...narrativeOr(ctx, 'mission'),
    h2(`3.3 ${narrativeTitle(ctx, 'goals', ctx.t('export.doc.s.goals'))}`), ...narrativeOr(ctx, 'goals'),
  ];
}

export function bab8(ctx: Ctx): Block[] {
  return [h1(ctx, chapterTitle(ctx, 8)), ...narrativeOr(ctx, 'closing')];
}

// ---------- BAB IV: programs by dimension and element ----------
function programCols(ctx: Ctx): Col[] {
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  return [
    { title: c('no'), pct: 3, align: 'center' }, { title: c('program'), pct: 13 }, { title: c('description'), pct: 19 },
    { title: c('leadOpd'), pct: 8 }, { title: c('relatedOpd'), pct: 8 }, { title: c('horizon'), pct: 8 },
    { title: c('years'), pct: 6, align: 'center' }, { title: c('budget'), pct: 15, align: 'right' }, { title: c('funding'), pct: 6 },
    { title: c('outputs'), pct: 14 },
  ];
}

function programRow(ctx: Ctx, p: ProgramM, no: number): CellContent[] {
  return [
    String(no), { text: p.title, bold: true }, p.description ? { markup: p.description } : '-',
    opdLabel(ctx, p.leadOpdId), p.relatedOpdIds.map((o) => opdLabel(ctx, o)).join(', ') || '-',
    p.horizon ? labelOf(HORIZONS, p.horizon, ctx.lang) : '-', years(p) || '-', budget(ctx, p),
    p.funding ? labelOf(FUNDING_SOURCES, p.funding, ctx.lang) : '-', p.outputs ? { markup: p.outputs } : '-',
  ];
}

function programTable(ctx: Ctx, ps: ProgramM[]): Paragraph {
  const rows = ps.map((p, i) => { ctx.tick(); return programRow(ctx, p, i + 1); });
  const totals: CellContent[] = ['', ctx.t('export.doc.total'), '', '', '', '', '', ctx.rp(sum(ps)), '', ''];
  return dataTable(ctx, programCols(ctx), rows, { landscape: true, style: 'TableText', totals });
}

export function bab4(ctx: Ctx): Block[] {
  const out: Block[] = [h1(ctx, chapterTitle(ctx, 4))];
  const all = ctx.m.programs;
  out.push(para(all.length
    ? ctx.t('export.doc.bab4Intro', { count: all.length, total: ctx.rp(sum(all)) })
    : ctx.t('export.doc.noPrograms')));
  const dims = [...DIMENSIONS.map((d) => d.id as string | null), null];
  let n = 0;
  for (const dim of dims) {
    const ps = all.filter((p) => p.dimension === dim);
    if (dim === null && ps.length === 0) continue;
    n++;
    out.push(h2(`4.${n} ${dimLabel(ctx, dim)}`));
    if (ps.length === 0) { out.push(para(ctx.t('export.doc.dimensionEmpty'), { italics: true })); continue; }
    out.push(para(ctx.t('export.doc.dimensionIntro', { count: ps.length, total: ctx.rp(sum(ps)) })));
    const elements = dim ? [...(DIMENSIONS.find((d) => d.id === dim)!.elements.map((e) => e.id as string | null)), null] : [null];
    let e = 0;
    for (const el of elements) {
      const eps = ps.filter((p) => p.element === el);
      if (eps.length === 0) continue;
      e++;
      const title = el ? elementLabel(el, ctx.lang) : ctx.t('export.doc.noElement');
      out.push(h3(`4.${n}.${e} ${title}`), caption(ctx, 4, ctx.t('export.doc.programsOf', { name: title })), programTable(ctx, eps), gap());
    }
  }
  return out;
}

// ---------- BAB V: quick wins ----------
export function bab5(ctx: Ctx): Block[] {
  const out: Block[] = [h1(ctx, chapterTitle(ctx, 5))];
  const qw = ctx.m.programs.filter((p) => p.quickWin);
  if (qw.length === 0) { out.push(para(ctx.t('export.doc.noQuickWins'), { italics: true })); return out; }
  out.push(para(ctx.t('export.doc.bab5Intro', { count: qw.length, total: ctx.rp(sum(qw)) })));
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  const cols: Col[] = [
    { title: c('no'), pct: 6, align: 'center' }, { title: c('program'), pct: 24 }, { title: c('description'), pct: 30 },
    { title: c('leadOpd'), pct: 12 }, { title: c('years'), pct: 10, align: 'center' }, { title: c('budget'), pct: 18, align: 'right' },
  ];
  let n = 0;
  for (const d of [...DIMENSIONS.map((x) => x.id as string | null), null]) {
    const ps = qw.filter((p) => p.dimension === d);
    if (ps.length === 0) continue;
    n++;
    out.push(h2(`5.${n} ${dimLabel(ctx, d)}`), caption(ctx, 5, ctx.t('export.doc.quickWinsOf', { name: dimLabel(ctx, d) })));
    out.push(dataTable(ctx, cols, ps.map((p, i) => { ctx.tick(); return [String(i + 1), { text: p.title, bold: true }, p.description ? { markup: p.description } : '-', opdLabel(ctx, p.leadOpdId), years(p) || '-', budget(ctx, p)]; }),
      { style: 'TableText', totals: ['', ctx.t('export.doc.total'), '', '', '', ctx.rp(sum(ps))] }), gap());
  }
  return out;
}

// ---------- BAB VI: road map ----------
/** A program's budget spread evenly over the years it runs (whole rupiah, the remainder in its last year), so the
 * yearly figures add up exactly to the program totals. Programs without years go to the "year not set" column. */
export function budgetByYear(p: ProgramM, start: number, end: number): Map<number | 'none', number> {
  const out = new Map<number | 'none', number>();
  if (!p.budget) return out;
  if (p.startYear == null) { out.set('none', p.budget); return out; }
  const a = Math.max(start, p.startYear), b = Math.min(end, p.endYear ?? p.startYear);
  if (b < a) { out.set('none', p.budget); return out; }
  const n = b - a + 1, each = Math.floor(p.budget / n);
  for (let y = a; y <= b; y++) out.set(y, y === b ? p.budget - each * (n - 1) : each);
  return out;
}

export function bab6(ctx: Ctx): Block[] {
  const { periodStart, periodEnd } = ctx.m.masterplan;
  const yearsList: number[] = [];
  for (let y = periodStart; y <= periodEnd && yearsList.length < 30; y++) yearsList.push(y);
  const out: Block[] = [h1(ctx, chapterTitle(ctx, 6)), h2(`6.1 ${ctx.t('export.doc.roadmap')}`)];
  const all = ctx.m.programs;
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  if (all.length === 0) out.push(para(ctx.t('export.doc.noPrograms'), { italics: true }));
  else {
    const yPct = Math.min(5, 58 / yearsList.length);
    const cols: Col[] = [
      { title: c('no'), pct: 5, align: 'center' }, { title: c('program'), pct: 100 - 5 - 12 - yPct * yearsList.length }, { title: c('leadOpd'), pct: 12 },
      ...yearsList.map((y) => ({ title: String(y), pct: yPct, align: 'center' as const })),
    ];
    const rows: CellContent[][] = [];
    const bands = new Set<number>();
    let no = 0;
    for (const d of [...DIMENSIONS.map((x) => x.id as string | null), null]) {
      const ps = all.filter((p) => p.dimension === d);
      if (ps.length === 0) continue;
      bands.add(rows.length);
      rows.push([dimLabel(ctx, d)]);
      for (const p of ps) {
        ctx.tick();
        const from = p.startYear ?? Infinity, to = p.endYear ?? p.startYear ?? -Infinity;
        rows.push([String(++no), p.title, opdLabel(ctx, p.leadOpdId), ...yearsList.map((y) => (y >= from && y <= to ? { text: '', fill: SHADE_FILL } : ''))]);
      }
    }
    out.push(caption(ctx, 6, ctx.t('export.doc.roadmapCaption', { start: periodStart, end: periodEnd })), dataTable(ctx, cols, rows, { landscape: true, style: 'TableSmall', bands }), gap());
  }

  // budget per year, by dimension and by funding source
  out.push(h2(`6.2 ${ctx.t('export.doc.budgetPerYear')}`));
  const keys: (number | 'none')[] = [...yearsList, 'none'];
  const byDim = new Map<string, Map<number | 'none', number>>();
  const byFund = new Map<string, Map<number | 'none', number>>();
  const add = (m: Map<string, Map<number | 'none', number>>, k: string, per: Map<number | 'none', number>) => {
    const row = m.get(k) ?? new Map();
    for (const [y, v] of per) row.set(y, (row.get(y) ?? 0) + v);
    m.set(k, row);
  };
  for (const p of all) { const per = budgetByYear(p, periodStart, periodEnd); add(byDim, p.dimension ?? '', per); add(byFund, p.funding ?? '', per); }
  const yPct = 67 / keys.length;
  const moneyCols = (first: string): Col[] => [{ title: first, pct: 15 }, ...keys.map((k) => ({ title: k === 'none' ? c('noYear') : String(k), pct: yPct, align: 'right' as const })), { title: c('total'), pct: 18, align: 'right' }];
  // Year cells in millions of rupiah (a full rupiah figure does not fit ten year columns); totals in full rupiah.
  const millions = new Intl.NumberFormat(ctx.lang === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 0 });
  const short = (n: number) => (n ? millions.format(n / 1e6) : '-');
  const summary = (m: Map<string, Map<number | 'none', number>>, label: (k: string) => string, order: string[]) => {
    const rows: CellContent[][] = [];
    for (const k of order) {
      const row = m.get(k);
      if (!row) continue;
      rows.push([label(k), ...keys.map((y) => short(row.get(y) ?? 0)), ctx.rp([...row.values()].reduce((a, b) => a + b, 0))]);
    }
    const colTotals = keys.map((y) => [...m.values()].reduce((a, r) => a + (r.get(y) ?? 0), 0));
    return { rows, totals: [ctx.t('export.doc.total'), ...colTotals.map(short), ctx.rp(sum(all))] as CellContent[] };
  };
  const dimOrder = [...DIMENSIONS.map((d) => d.id), ''];
  const s1 = summary(byDim, (k) => dimLabel(ctx, k || null), dimOrder);
  out.push(caption(ctx, 6, `${ctx.t('export.doc.budgetByDimension')} ${ctx.t('export.doc.inMillions')}`), dataTable(ctx, moneyCols(c('dimension')), s1.rows, { landscape: true, style: 'TableTiny', totals: s1.totals }), gap());
  const s2 = summary(byFund, (k) => (k ? labelOf(FUNDING_SOURCES, k, ctx.lang) : ctx.t('export.doc.noFunding')), [...FUNDING_SOURCES.map((f) => f.id), '']);
  out.push(caption(ctx, 6, `${ctx.t('export.doc.budgetByFunding')} ${ctx.t('export.doc.inMillions')}`), dataTable(ctx, moneyCols(c('funding')), s2.rows, { landscape: true, style: 'TableTiny', totals: s2.totals }), gap());
  return out;
}

// ---------- BAB VII: synergy ----------
export function bab7(ctx: Ctx): Block[] {
  const out: Block[] = [h1(ctx, chapterTitle(ctx, 7)), h2(`7.1 ${ctx.t('export.doc.sharedPrograms')}`)];
  const shared = ctx.m.programs.filter((p) => p.relatedOpdIds.length > 0);
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  if (shared.length === 0) out.push(para(ctx.t('export.doc.noShared'), { italics: true }));
  else {
    out.push(para(ctx.t('export.doc.sharedIntro', { count: shared.length })), caption(ctx, 7, ctx.t('export.doc.sharedPrograms')));
    out.push(dataTable(ctx, [
      { title: c('no'), pct: 8, align: 'center' }, { title: c('program'), pct: 32 }, { title: c('dimension'), pct: 20 },
      { title: c('leadOpd'), pct: 15 }, { title: c('relatedOpd'), pct: 25 },
    ], shared.map((p, i) => { ctx.tick(); return [String(i + 1), p.title, dimLabel(ctx, p.dimension), opdLabel(ctx, p.leadOpdId), p.relatedOpdIds.map((o) => opdLabel(ctx, o)).join(', ')]; }), { style: 'TableText' }), gap());
  }
  // the duplicate review's records: complementary pairs (each program with its OPD and that OPD's role) and merges
  const byId = new Map(ctx.m.programs.map((p) => [p.id, p]));
  const named = (title: string, opdId: string) => { const o = opdLabel(ctx, opdId); return o ? `${title} (${o})` : title; };
  out.push(h2(`7.2 ${ctx.t('export.doc.complementary')}`));
  const pairs = ctx.m.synergy.complementary.filter((x) => byId.has(x.programA) && byId.has(x.programB));
  const withRole = (id: string, role: string): CellContent => {
    const p = byId.get(id)!;
    return { markup: [named(p.title, p.leadOpdId), role && `*${ctx.t('export.doc.role', { role })}*`].filter(Boolean).join('\n') };
  };
  if (pairs.length === 0) out.push(para(ctx.t('export.doc.noComplementary'), { italics: true }));
  else out.push(caption(ctx, 7, ctx.t('export.doc.complementary')), dataTable(ctx, [
    { title: c('no'), pct: 6, align: 'center' }, { title: c('program'), pct: 34 }, { title: c('partnerProgram'), pct: 34 }, { title: c('note'), pct: 26 },
  ], pairs.map((x, i) => [String(i + 1), withRole(x.programA, x.roleA), withRole(x.programB, x.roleB), { markup: x.note }]), { style: 'TableText' }), gap());
  out.push(h2(`7.3 ${ctx.t('export.doc.duplicates')}`));
  const dups = ctx.m.synergy.duplicates.filter((x) => byId.has(x.keptProgramId));
  if (dups.length === 0) out.push(para(ctx.t('export.doc.noDuplicates'), { italics: true }));
  else out.push(caption(ctx, 7, ctx.t('export.doc.duplicates')), dataTable(ctx, [
    { title: c('no'), pct: 6, align: 'center' }, { title: c('keptProgram'), pct: 34 }, { title: c('mergedPrograms'), pct: 34 }, { title: c('note'), pct: 26 },
  ], dups.map((x, i) => [String(i + 1), named(byId.get(x.keptProgramId)!.title, x.leadOpdId),
    { markup: x.merged.map((m) => named(m.title, m.opdId)).join('\n') }, { markup: x.note }]), { style: 'TableText' }), gap());
  return out;
}

// ---------- Appendices ----------
export function lampiran1(ctx: Ctx): Block[] {
  const out: Block[] = [h1(ctx, appendixTitle(ctx, 1))];
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  const byOpd = new Map<string, ProgramM[]>();
  for (const p of ctx.m.programs) { const l = byOpd.get(p.leadOpdId); if (l) l.push(p); else byOpd.set(p.leadOpdId, [p]); }
  const notes = ctx.m.settings.includeNotes;
  const cols: Col[] = [
    { title: c('no'), pct: 4, align: 'center' }, { title: c('program'), pct: notes ? 20 : 26 }, { title: c('dimension'), pct: 14 },
    { title: c('element'), pct: 13 }, { title: c('horizon'), pct: 10 }, { title: c('years'), pct: 8, align: 'center' },
    { title: c('budget'), pct: 12, align: 'right' }, { title: c('funding'), pct: 6 }, { title: c('status'), pct: 7 },
    ...(notes ? [{ title: c('notes'), pct: 6 }] : []),
  ];
  if (ctx.m.programs.length === 0) out.push(para(ctx.t('export.doc.noPrograms'), { italics: true }));
  let n = 0;
  const without: string[] = [];
  for (const o of ctx.m.opds) {
    const ps = byOpd.get(o.id);
    if (!ps) { without.push(o.abbr || o.name); continue; }
    n++;
    const name = o.abbr && o.abbr !== o.name ? `${o.name} (${o.abbr})` : o.name;
    out.push(h2(`${roman(1)}.${n} ${name}`), caption(ctx, 'L1', ctx.t('export.doc.programsOf', { name })));
    out.push(dataTable(ctx, cols, ps.map((p, i) => {
      ctx.tick();
      return [String(i + 1), { text: p.title, bold: true }, dimLabel(ctx, p.dimension), p.element ? elementLabel(p.element, ctx.lang) : '-',
        p.horizon ? labelOf(HORIZONS, p.horizon, ctx.lang) : '-', years(p) || '-', budget(ctx, p),
        p.funding ? labelOf(FUNDING_SOURCES, p.funding, ctx.lang) : '-', labelOf(PROGRAM_STATUSES, p.status, ctx.lang),
        ...(notes ? [p.notes ? { markup: p.notes } : '-'] : [])];
    }), { landscape: true, style: 'TableSmall', totals: ['', ctx.t('export.doc.total'), '', '', '', '', ctx.rp(sum(ps)), '', '', ...(notes ? [''] : [])] }), gap());
  }
  if (without.length && ctx.m.programs.length) out.push(para(ctx.t('export.doc.opdsWithout', { list: without.join(', ') }), { italics: true }));
  return out;
}

export function lampiran2(ctx: Ctx): Block[] {
  const out: Block[] = [h1(ctx, appendixTitle(ctx, 2))];
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  if (ctx.m.presentations.length === 0) { out.push(para(ctx.t('export.doc.noPresentations'), { italics: true })); return out; }
  let n = 0;
  for (const p of ctx.m.presentations) {
    ctx.tick();
    const o = ctx.m.opdById.get(p.opdId)!;
    n++;
    out.push(h2(`${roman(2)}.${n} ${o.name}${o.abbr && o.abbr !== o.name ? ` (${o.abbr})` : ''}`));
    const kv: [string, CellContent][] = [
      [c('session'), p.sessionTitle || (p.stage ? ctx.t('export.doc.stage', { stage: roman(p.stage) }) : '-')],
      [c('date'), p.date ? formatDateRange(p.date, p.date, ctx.lang) : '-'],
      [c('venue'), p.venue || '-'],
      [c('presenter'), [p.presenterName, p.presenterPosition].filter(Boolean).join(', ') || '-'],
      [c('summary'), p.summary ? { markup: p.summary } : '-'],
      [c('recommendations'), p.recommendations ? { markup: p.recommendations } : '-'],
    ];
    const count = ctx.m.programs.filter((x) => x.presentationId === p.id).length;
    kv.push([c('programs'), String(count)]);
    out.push(dataTable(ctx, [{ title: c('item'), pct: 25 }, { title: c('content'), pct: 75 }], kv.map(([k, v]) => [{ text: k, bold: true, fill: BAND_FILL }, v]), { style: 'TableText' }), gap());
  }
  return out;
}

export function lampiran3(ctx: Ctx): Block[] {
  const out: Block[] = [h1(ctx, appendixTitle(ctx, 3))];
  const c = (k: string) => ctx.t(`export.doc.col.${k}`);
  const f = ctx.m.facilitators;
  if (f.length === 0) { out.push(para(ctx.t('export.doc.noFacilitators'), { italics: true })); return out; }
  out.push(caption(ctx, 'L3', ctx.t('export.doc.lampiran3')), dataTable(ctx, [
    { title: c('no'), pct: 6, align: 'center' }, { title: c('facilitator'), pct: 28 }, { title: c('institution'), pct: 26 },
    { title: c('devices'), pct: 14, align: 'center' }, { title: c('programsCaptured'), pct: 13, align: 'right' }, { title: c('changes'), pct: 13, align: 'right' },
  ], f.map((x, i) => [String(i + 1), x.name, x.institution || '-', String(x.devices.length), String(x.programs), String(x.changes)]), { style: 'TableText' }), gap());
  return out;
}
