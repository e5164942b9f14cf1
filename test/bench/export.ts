/** Export benchmark (issue 3): the whole Word export of a generated masterplan, each run in a fresh process, timed
 * beside pandoc converting a Markdown file of the same program tables (BAB IV by dimension and element, Lampiran I by
 * OPD) to docx in the same run. Goals: 2,000 programs ≤ 0.5× pandoc; 20,000 programs ≤ 12× the 2,000 time and peak
 * memory (the exporting process's max RSS) ≤ 600 MB. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DIMENSIONS, FUNDING_SOURCES, HORIZONS, elementLabel, labelOf } from '../../shared/reference';
import { formatRupiah } from '../../shared/rupiah';
import { generateMasterplan } from './exportFixture';

interface ChildResult { ms: number; maxRssMB: number; bytes: number; programs: number }

function exportInChild(db: string, out: string): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('test/bench/exportChild.ts'), db, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`export child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

const cell = (s: string | null | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The same program tables as Markdown pipe tables. */
function markdownOf(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  const opds = new Map((db.prepare('SELECT id, name, abbr FROM opd WHERE deleted = 0 ORDER BY sort_order').all() as { id: string; name: string; abbr: string }[]).map((o) => [o.id, o]));
  const rel = new Map<string, string[]>();
  for (const r of db.prepare('SELECT program_id, opd_id FROM program_opd WHERE deleted = 0').all() as { program_id: string; opd_id: string }[]) rel.set(r.program_id, [...(rel.get(r.program_id) ?? []), opds.get(r.opd_id)?.abbr ?? '']);
  const programs = db.prepare("SELECT * FROM program WHERE deleted = 0 AND status <> 'dropped' ORDER BY rowid").all() as Record<string, string | number | null>[];
  db.close();
  const head = '| No | Program | Deskripsi | OPD Pelaksana | OPD Terkait | Jangka Waktu | Tahun | Perkiraan Anggaran | Sumber Dana | Output/Indikator |\n|---|---|---|---|---|---|---|---|---|---|\n';
  const row = (p: Record<string, string | number | null>, i: number) => `| ${i + 1} | ${cell(p.title as string)} | ${cell(p.description as string)} | ${opds.get(p.lead_opd_id as string)?.abbr ?? ''} | ${(rel.get(p.id as string) ?? []).join(', ')} | ${labelOf(HORIZONS, p.horizon as string, 'id')} | ${p.start_year ?? ''}–${p.end_year ?? ''} | ${p.budget == null ? '-' : formatRupiah(p.budget as number, 'official')} | ${labelOf(FUNDING_SOURCES, p.funding as string, 'id')} | ${cell(p.outputs as string)} |\n`;
  let md = '# BAB IV RENCANA PENGEMBANGAN SMART CITY\n\n';
  DIMENSIONS.forEach((d, di) => {
    md += `## 4.${di + 1} ${d.label.id}\n\n`;
    d.elements.forEach((e, ei) => {
      const ps = programs.filter((p) => p.element === e.id);
      if (ps.length) md += `### 4.${di + 1}.${ei + 1} ${elementLabel(e.id, 'id')}\n\nTabel 4.${di * 3 + ei + 1} Program ${e.label.id}\n\n${head}${ps.map(row).join('')}\n`;
    });
  });
  md += '# LAMPIRAN I REKAPITULASI PROGRAM PER OPD\n\n';
  let n = 0;
  for (const o of opds.values()) {
    const ps = programs.filter((p) => p.lead_opd_id === o.id);
    if (ps.length) md += `## I.${++n} ${o.name}\n\n${head}${ps.map(row).join('')}\n`;
  }
  return md;
}

function pandoc(md: string, dir: string): number {
  const input = path.join(dir, 'tables.md');
  fs.writeFileSync(input, md);
  const t = process.hrtime.bigint();
  execFileSync('pandoc', [input, '-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx')]);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function runExportBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-export-bench-'));
  try {
    const small = Number(process.env.BENCH_EXPORT_SMALL ?? 2000), large = Number(process.env.BENCH_EXPORT_LARGE ?? 20_000);
    const db2k = generateMasterplan(dir, small);
    exportInChild(db2k, path.join(dir, 'warm.docx')); // warm the OS file cache and tsx's compile cache
    const r2k = exportInChild(db2k, path.join(dir, 'rembuk-2k.docx'));
    const p2k = pandoc(markdownOf(db2k), dir);
    const db20k = generateMasterplan(dir, large);
    const r20k = exportInChild(db20k, path.join(dir, 'rembuk-20k.docx'));
    const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const rows: [string, string, string, string, string][] = [
      [`docx export, ${small} programs (whole document)`, f(r2k.ms), `pandoc, same program tables (md → docx)`, f(p2k), `${(r2k.ms / p2k).toFixed(2)}×  (goal ≤ 0.5×)`],
      [`docx export, ${large} programs`, f(r20k.ms), `docx export, ${small} programs`, f(r2k.ms), `${(r20k.ms / r2k.ms).toFixed(1)}×  (goal ≤ 12×)`],
      [`peak memory (max RSS), ${large} programs`, `${r20k.maxRssMB} MB`, `${small} programs`, `${r2k.maxRssMB} MB`, `goal ≤ 600 MB`],
    ];
    console.log(`\nExport benchmark — docx sizes ${(r2k.bytes / 1024).toFixed(0)} KB (${small}) and ${(r20k.bytes / 1024 / 1024).toFixed(1)} MB (${large}); pandoc ${execFileSync('pandoc', ['--version']).toString().split('\n')[0]}\n`);
    const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => r[c]!.length), 8));
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx test/bench/export.ts` runs this benchmark alone.
if (process.argv[1] && /bench[\\/]export\.ts$/.test(process.argv[1])) await runExportBench();
