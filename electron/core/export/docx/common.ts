/** Shared pieces of the Word builder: the context (language, rupiah style, page geometry, table counters), user text
 * with simple markup (paragraphs, "- " bullets, **bold**, *italic*), headings, captions and program-style tables. */
import { AlignmentType, HeadingLevel, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { TFunction } from 'i18next';
import { translator } from '../../../../shared/i18n';
import { cleanText } from '../../../../shared/text';
import { formatRupiah } from '../../../../shared/rupiah';
import { PAPER_MM } from '../../../../shared/export';
import type { ExportModel } from '../model';

export const MM = 56.6929; // twips per millimetre
export const HEADER_FILL = '1F3864';
export const HEADER_TEXT = 'FFFFFF';
export const BAND_FILL = 'D9E2F3';
export const SHADE_FILL = '2E74B5';
export const TOTAL_FILL = 'F2F2F2';

export interface Ctx {
  m: ExportModel;
  t: TFunction;
  lang: 'id' | 'en';
  rp(n: number): string;
  /** Usable text width in twips, portrait and landscape. */
  width: { portrait: number; landscape: number };
  /** Per-chapter table counters for captions "Tabel 4.1". */
  tableNo: Map<string, number>;
  /** Called now and then by long loops (progress, cooperative yielding). */
  tick(n?: number): void;
  /** Tables written as raw XML, swapped in for their placeholder paragraphs (`<nonce>T<index>`). */
  rawTables: Buffer[];
  nonce: string;
  /** True at the start of a section: its first heading needs no page break (the section starts a new page). */
  fresh: boolean;
}

export function makeCtx(m: ExportModel, tick: (n?: number) => void): Ctx {
  const s = m.settings;
  const paper = PAPER_MM[s.paper];
  return {
    m, lang: s.language, t: translator(s.language), rp: (n) => formatRupiah(n, s.rupiahStyle),
    width: {
      portrait: Math.floor((paper.width - s.marginLeft - s.marginRight) * MM),
      landscape: Math.floor((paper.height - s.marginLeft - s.marginRight) * MM),
    },
    tableNo: new Map(), tick, fresh: true, rawTables: [], nonce: `RMBK${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
  };
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Runs of one line of user text: **bold** and *italic*; every string cleaned of XML-forbidden characters. */
export function inlineRuns(text: string, base: { bold?: boolean; size?: number } = {}): TextRun[] {
  const s = cleanText(text);
  const rtl = RTL.test(s);
  const out: TextRun[] = [];
  const re = /\*\*([^*\n]+)\*\*|\*([^*\s][^*\n]*?)\*/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(new TextRun({ text: s.slice(last, m.index), ...base, rightToLeft: rtl || undefined }));
    if (m[1] !== undefined) out.push(new TextRun({ text: m[1], ...base, bold: true, rightToLeft: rtl || undefined }));
    else out.push(new TextRun({ text: m[2]!, ...base, italics: true, rightToLeft: rtl || undefined }));
    last = m.index + m[0].length;
  }
  if (last < s.length || out.length === 0) out.push(new TextRun({ text: s.slice(last), ...base, rightToLeft: rtl || undefined }));
  return out;
}

const BULLET = /^\s*(?:[-•–]\s+)(.*)$/;

/** Paragraphs of a narrative body: each line a paragraph, "- " lines bullets, blank lines separate. */
export function markupParagraphs(body: string, opts: { inCell?: boolean; size?: number; alignment?: IParagraphOptions['alignment'] } = {}): Paragraph[] {
  const out: Paragraph[] = [];
  for (const raw of cleanText(body).split('\n')) {
    if (raw.trim() === '') continue;
    const b = BULLET.exec(raw);
    const rtl = RTL.test(raw);
    const spacing = opts.inCell ? { before: 0, after: 40 } : undefined;
    if (b) out.push(new Paragraph({ children: inlineRuns(b[1]!, { size: opts.size }), numbering: { reference: 'bullets', level: 0 }, spacing, bidirectional: rtl || undefined }));
    else out.push(new Paragraph({ children: inlineRuns(raw, { size: opts.size }), spacing, alignment: rtl ? AlignmentType.RIGHT : opts.alignment, bidirectional: rtl || undefined }));
  }
  return out;
}

export function narrativeOr(ctx: Ctx, key: keyof ExportModel['narrative']): Paragraph[] {
  const n = ctx.m.narrative[key];
  if (n && n.body.trim()) return markupParagraphs(n.body, { alignment: AlignmentType.JUSTIFIED });
  return [new Paragraph({ children: [new TextRun({ text: ctx.t('export.doc.notWritten'), italics: true, color: '7F7F7F' })] })];
}

export function narrativeTitle(ctx: Ctx, key: keyof ExportModel['narrative'], fallback: string): string {
  return ctx.m.narrative[key]?.title || fallback;
}

export function h1(ctx: Ctx, text: string, pageBreak = true): Paragraph {
  const br = pageBreak && !ctx.fresh;
  ctx.fresh = false;
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanText(text))], pageBreakBefore: br });
}
export function h2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(cleanText(text))] });
}
export function h3(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(cleanText(text))] });
}
export function para(text: string, opts: { italics?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: cleanText(text), ...opts })], alignment: AlignmentType.JUSTIFIED });
}

/** "Tabel 4.1 …" in the Caption style, numbered per chapter (kept with the table that follows). */
export function caption(ctx: Ctx, chapter: number | string, text: string): Paragraph {
  const key = String(chapter);
  const n = (ctx.tableNo.get(key) ?? 0) + 1;
  ctx.tableNo.set(key, n);
  return new Paragraph({
    style: 'Caption', keepNext: true,
    children: [new TextRun(`${ctx.t('export.doc.table')} ${chapter}.${n} `), new TextRun(cleanText(text))],
  });
}

export interface Col { title: string; pct: number; align?: 'right' | 'center' }

/** A cell: plain text, text with a fill or bold, or user text with markup (lines, "- " bullets, **bold**, *italic*). */
export type CellContent = string | { text: string; fill?: string; bold?: boolean } | { markup: string };
export type TableStyle = 'TableText' | 'TableSmall' | 'TableTiny';

const esc = (s: string) => (/[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);
const JC = { right: '<w:jc w:val="right"/>', center: '<w:jc w:val="center"/>' } as const;

/** WordprocessingML runs of one line of user text (cleaned; **bold**, *italic*; right-to-left marked). */
function runsXml(s: string, bold = false, color?: string): string {
  // s is already clean: the model passes every user string through cleanText when it loads it
  if (s === '') return '';
  const rtl = RTL.test(s) ? '<w:rtl/>' : '';
  const col = color ? `<w:color w:val="${color}"/>` : '';
  const run = (t: string, b: boolean, i: boolean) => {
    const pr = (b ? '<w:b/>' : '') + (i ? '<w:i/>' : '') + col + rtl;
    return `<w:r>${pr ? `<w:rPr>${pr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  };
  if (!s.includes('*')) return run(s, bold, false);
  let out = '', last = 0;
  const re = /\*\*([^*\n]+)\*\*|\*([^*\s][^*\n]*?)\*/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out += run(s.slice(last, m.index), bold, false);
    out += m[1] !== undefined ? run(m[1], true, false) : run(m[2]!, bold, true);
    last = m.index + m[0].length;
  }
  if (last < s.length) out += run(s.slice(last), bold, false);
  return out;
}

function paraXml(style: TableStyle, text: string, opts: { bold?: boolean; align?: 'right' | 'center'; color?: string } = {}): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${opts.align ? JC[opts.align] : ''}</w:pPr>${text ? runsXml(text, opts.bold, opts.color) : ''}</w:p>`;
}

function markupXml(style: TableStyle, body: string): string {
  let out = '';
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    const b = line.charCodeAt(0) === 45 /* - */ || line.startsWith('•') || line.startsWith('–') || line.startsWith(' ') ? BULLET.exec(line) : null;
    out += b
      ? `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:ind w:left="200" w:hanging="160"/></w:pPr>${runsXml(`• ${b[1]}`)}</w:p>`
      : `<w:p><w:pPr><w:pStyle w:val="${style}"/>${RTL.test(line) ? '<w:bidi/><w:jc w:val="right"/>' : ''}</w:pPr>${runsXml(line)}</w:p>`;
  }
  return out || `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>`;
}

const shd = (fill: string) => `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="8EAADB"';

/** A table written directly as WordprocessingML (the docx library's object model is far too slow and memory-hungry
 * for thousands of rows): repeated header row (tblHeader), rows kept whole (cantSplit), fixed column widths.
 * In the document it is a placeholder paragraph, swapped for this XML when the package is written (build.ts). */
export function dataTable(ctx: Ctx, cols: Col[], rows: CellContent[][], opts: { landscape?: boolean; style?: TableStyle; totals?: CellContent[]; bands?: Set<number> } = {}): Paragraph {
  const total = opts.landscape ? ctx.width.landscape : ctx.width.portrait;
  const widths = cols.map((c) => Math.floor((c.pct / 100) * total));
  const st = opts.style ?? 'TableText';
  const parts: string[] = [];
  parts.push(`<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="70" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`);
  for (const w of widths) parts.push(`<w:gridCol w:w="${w}"/>`);
  parts.push('</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
  cols.forEach((c, i) => parts.push(`<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/>${shd(HEADER_FILL)}<w:vAlign w:val="center"/></w:tcPr>${paraXml(st, c.title, { bold: true, align: 'center', color: HEADER_TEXT })}</w:tc>`));
  parts.push('</w:tr>');
  const cell = (content: CellContent, i: number, rowFill?: string, bold?: boolean) => {
    const col = cols[i]!;
    if (typeof content === 'string') return `<w:tc>${rowFill ? `<w:tcPr>${shd(rowFill)}</w:tcPr>` : ''}${paraXml(st, content, { align: col.align, bold })}</w:tc>`;
    if ('markup' in content) return `<w:tc>${rowFill ? `<w:tcPr>${shd(rowFill)}</w:tcPr>` : ''}${markupXml(st, content.markup)}</w:tc>`;
    const fill = content.fill ?? rowFill;
    return `<w:tc>${fill ? `<w:tcPr>${shd(fill)}</w:tcPr>` : ''}${paraXml(st, content.text, { align: col.align, bold: content.bold ?? bold })}</w:tc>`;
  };
  rows.forEach((r, ri) => {
    if (opts.bands?.has(ri)) {
      const text = typeof r[0] === 'string' ? r[0] : '';
      parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="${cols.length}"/>${shd(BAND_FILL)}</w:tcPr>${paraXml(st, text, { bold: true })}</w:tc></w:tr>`);
      return;
    }
    let tr = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let i = 0; i < r.length; i++) tr += cell(r[i]!, i);
    parts.push(tr + '</w:tr>');
  });
  if (opts.totals) {
    let tr = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    opts.totals.forEach((c, i) => { tr += cell(c, i, TOTAL_FILL, true); });
    parts.push(tr + '</w:tr>');
  }
  parts.push('</w:tbl>');
  ctx.rawTables.push(Buffer.from(parts.join(''), 'utf8')); // UTF-8 outside the JS heap until the package is written
  return new Paragraph({ children: [new TextRun(`${ctx.nonce}T${ctx.rawTables.length - 1}`)] });
}

/** A paragraph for a cell of a table built with the docx object model (the small SWOT matrix). */
export function cellP(text: string, opts: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({ style: 'TableText', children: [new TextRun({ text: cleanText(text), bold: opts.bold })] });
}

/** Space after a table. */
export const gap = () => new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
