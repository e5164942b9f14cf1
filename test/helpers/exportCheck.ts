/** Reading exported documents back with real readers: python-docx (Debian's python3-docx) for .docx, LibreOffice for
 * the PDF conversion, poppler's pdfinfo for the page count. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface DocxBlock { t: 'p' | 'table'; style?: string; text?: string; rows?: string[][]; header?: boolean[] }
export interface DocxRead { body: DocxBlock[]; sections: { width_mm: number; height_mm: number; orientation: number; header: string }[]; styles: string[]; tocFields: string[] }

export function readDocx(file: string): DocxRead {
  const out = execFileSync('/usr/bin/python3', [path.resolve('test/helpers/readDocx.py'), file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as DocxRead;
}

/** Converts with `soffice --headless --convert-to pdf` (its own profile folder) and returns the page count. */
export function pdfPages(docx: string): { pdf: string; pages: number } {
  const dir = path.dirname(docx);
  const profile = path.join(dir, 'lo-profile');
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 180_000 });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  if (r.status !== 0 || !fs.existsSync(pdf)) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { pdf, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

/** The blocks between the Heading 1 that starts with `from` and the next Heading 1. */
export function chapter(doc: DocxRead, from: string): DocxBlock[] {
  const i = doc.body.findIndex((b) => b.t === 'p' && b.style === 'Heading 1' && b.text!.startsWith(from));
  if (i < 0) return [];
  const j = doc.body.findIndex((b, k) => k > i && b.t === 'p' && b.style === 'Heading 1');
  return doc.body.slice(i, j < 0 ? undefined : j);
}

/** Rupiah text back to a number ("Rp1.500.000,00" or "Rp 1.500.000"). */
export function rupiahValue(s: string): number {
  const m = /Rp\s?([\d.]+)/.exec(s);
  return m ? Number(m[1]!.replace(/\./g, '')) : 0;
}
