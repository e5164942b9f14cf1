/** Assembles the Word document: styles (Title, Heading 1–3, Caption, TOC), bullets, sections (cover; front matter
 * numbered i, ii, …; chapters from BAB I numbered 1, 2, …; landscape sections for the wide tables), header and footer. */
import {
  AlignmentType, Document, Footer, Header, LevelFormat, NumberFormat, Packer, PageNumber, PageOrientation, Paragraph, TextRun,
  type ISectionOptions,
} from 'docx';
import { PAPER_MM } from '../../../../shared/export';
import type { ExportModel } from '../model';
import { MM, makeCtx, type Ctx } from './common';
import { deflatedEntryFromChunks, entryText, readZip, writeZip } from './zip';
import { bab1, bab2, bab3, bab4, bab5, bab6, bab7, bab8, cover, foreword, lampiran1, lampiran2, lampiran3, toc } from './chapters';

type Children = ISectionOptions['children'];

export interface BuildProgress { (phase: 'build' | 'write', done: number, total: number): void }

function header(ctx: Ctx): Header {
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.RIGHT, border: { bottom: { style: 'single', size: 4, color: '8EAADB', space: 4 } },
      children: [new TextRun({ text: ctx.m.masterplan.title || ctx.t('export.doc.coverTitle'), size: 16, color: '595959', italics: true })],
    })],
  });
}
function footer(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 18 })] })] });
}

export function buildDocument(m: ExportModel, tick: (n?: number) => void = () => {}): { doc: Document; ctx: Ctx } {
  const ctx = makeCtx(m, tick);
  const s = m.settings;
  const on = s.chapters;
  const paper = PAPER_MM[s.paper];
  const margin = { top: Math.round(s.marginTop * MM), right: Math.round(s.marginRight * MM), bottom: Math.round(s.marginBottom * MM), left: Math.round(s.marginLeft * MM), header: Math.round(12 * MM), footer: Math.round(12 * MM) };
  const size = (landscape: boolean) => ({ width: Math.round(paper.width * MM), height: Math.round(paper.height * MM), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT });
  const sections: ISectionOptions[] = [];
  let numbered = false; // Arabic numbering restarts at 1 in the first chapter section
  const add = (make: () => Children, opts: { landscape?: boolean; front?: boolean } = {}) => {
    ctx.fresh = true;
    const children = make();
    if (children.length === 0) return;
    const pageNumbers = opts.front ? { start: 1, formatType: NumberFormat.LOWER_ROMAN } : !numbered ? { start: 1, formatType: NumberFormat.DECIMAL } : { formatType: NumberFormat.DECIMAL };
    if (!opts.front) numbered = true;
    sections.push({
      properties: { page: { size: size(!!opts.landscape), margin, pageNumbers } },
      headers: { default: header(ctx) }, footers: { default: footer() }, children,
    });
  };

  sections.push({ properties: { page: { size: size(false), margin } }, children: cover(ctx) });
  add(() => [...(on.foreword ? foreword(ctx, false) : []), ...(on.toc ? toc(ctx, true) : [])], { front: true });
  add(() => [...(on.bab1 ? bab1(ctx) : []), ...(on.bab2 ? bab2(ctx) : []), ...(on.bab3 ? bab3(ctx) : [])]);
  if (on.bab4) add(() => bab4(ctx), { landscape: true });
  if (on.bab5) add(() => bab5(ctx));
  if (on.bab6) add(() => bab6(ctx), { landscape: true });
  add(() => [...(on.bab7 ? bab7(ctx) : []), ...(on.bab8 ? bab8(ctx) : [])]);
  if (on.lampiran1) add(() => lampiran1(ctx), { landscape: true });
  add(() => [...(on.lampiran2 ? lampiran2(ctx) : []), ...(on.lampiran3 ? lampiran3(ctx) : [])]);

  const font = s.fontFamily;
  const pt = Math.round(s.fontSize * 2);
  const doc = new Document({
    creator: 'Rembuk', title: m.masterplan.title, description: 'Masterplan Smart City',
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: { ascii: font, hAnsi: font, cs: font, eastAsia: font }, size: pt }, paragraph: { spacing: { after: 120, line: 300 } } },
        title: { run: { font, size: 56, bold: true, color: '1F3864' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        heading1: { run: { font, size: pt + 8, bold: true, color: '1F3864' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 }, keepNext: true } },
        heading2: { run: { font, size: pt + 4, bold: true, color: '2E74B5' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font, size: pt + 2, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        caption: { run: { font, size: pt - 2, bold: true, italics: false, color: '1F3864' }, paragraph: { spacing: { before: 120, after: 80 }, keepNext: true } },
      },
      paragraphStyles: [
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: Math.max(12, pt - 4) }, paragraph: { spacing: { before: 0, after: 0, line: 240 } } },
        { id: 'TableSmall', name: 'Table Text Small', basedOn: 'TableText', run: { size: Math.max(12, pt - 6) } },
        { id: 'TableTiny', name: 'Table Text Tiny', basedOn: 'TableText', run: { size: Math.max(11, pt - 8) } },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font, size: 28, bold: true, color: '1F3864' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      ],
    },
    numbering: {
      config: [{
        reference: 'bullets',
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }],
      }],
    },
    sections,
  });
  return { doc, ctx };
}

/** Packs the document, then swaps each raw table in for its placeholder paragraph in word/document.xml. */
export async function packDocx(doc: Document, ctx: Ctx): Promise<Buffer> {
  const zip = readZip(await Packer.toBuffer(doc));
  const main = zip.find((e) => e.name === 'word/document.xml');
  if (!main) throw new Error('docx without word/document.xml');
  const xml = entryText(main);
  // Only the bare placeholder paragraph matches; one that carried anything else (e.g. section properties) would not,
  // and the count check below fails loudly instead of dropping it.
  const re = new RegExp(`<w:p><w:r><w:t(?: xml:space="preserve")?>${ctx.nonce}T(\\d+)</w:t></w:r></w:p>`, 'g');
  const out: Buffer[] = [];
  let last = 0, found = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    out.push(Buffer.from(xml.slice(last, m.index), 'utf8'));
    out.push(ctx.rawTables[Number(m[1])]!);
    last = m.index + m[0].length;
    found++;
  }
  if (found !== ctx.rawTables.length) throw new Error(`placed ${found} of ${ctx.rawTables.length} tables`);
  out.push(Buffer.from(xml.slice(last), 'utf8'));
  ctx.rawTables = [];
  const replaced = await deflatedEntryFromChunks('word/document.xml', out);
  return writeZip(zip.map((e) => (e === main ? replaced : e)));
}

export async function buildDocx(m: ExportModel, progress: BuildProgress = () => {}): Promise<Buffer> {
  // Units of work: every program row written in BAB IV, V, VI, VII, Lampiran I; reported every 200.
  const total = Math.max(1, m.programs.length * 3 + m.presentations.length);
  let done = 0;
  const { doc, ctx } = buildDocument(m, (n = 1) => { done += n; if (done % 200 === 0) progress('build', Math.min(done, total), total); });
  progress('write', 0, 1);
  return packDocx(doc, ctx);
}
