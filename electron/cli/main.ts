/** `rembuk`: the command line, calling the same services as the app.
 *   rembuk demo <db>                 create the demo masterplan (Denpasar-like Bimtek IV)
 *   rembuk info <db> [--json]        counts: OPDs, sessions, presentations, programs, changes
 *   rembuk programs <db> [--json]    list the programs
 *   rembuk sync export|import …      exchange files (see USAGE)
 *   rembuk export docx <db> -o <file.docx> [--paper a4|f4] [--lang id|en]   the masterplan document (Word)
 *   rembuk export xlsx <db> -o <file.xlsx>                                  the program list (Excel) */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../shared/errors';
import { DIMENSIONS, HORIZONS, PROGRAM_STATUSES, labelOf, type Lang } from '../../shared/reference';
import { apartSentence, serviceNamesIn, type ApartReason, type DuplicateCluster, type ServiceName } from '../../shared/api/schemas';
import { formatRupiah } from '../../shared/rupiah';
import { toPayload } from '../core/api/dispatch';
import { AppConfig } from '../core/config/appConfig';
import { MasterplanDb } from '../core/db/masterplanDb';
import { createDemo } from '../core/demo/createDemo';
import { defaultDataDir } from '../core/paths';
import { masterplanInfo } from '../core/services/masterplans';
import { queryPrograms } from '../core/services/programs';
import { applyImport, exportWork, joinFromFile, markExported, previewImport, readIncoming, writeFileAtomic } from '../core/sync/service';
import type { ImportReport } from '../core/sync/merge';
import { APP_VERSION } from '../core/version';
import { runExport } from '../core/export/run';
import { translator } from '../../shared/i18n';
import { duplicateClusters, similarPrograms } from '../core/services/duplicates';

/** Why two programs' titles say they are different things, as a trailing column ("" when they do not). */
function apartText(reason: ApartReason | null, lang: Lang, between?: [string, string]): string {
  if (!reason) return '';
  const t = translator(lang);
  return `\t[${apartSentence(reason, t, lang)}${between ? ` (${t('similar.apartBetween', { a: between[0], b: between[1] })})` : ''}]`;
}

/** A cluster's reason for a lowered score, naming its pair when the cluster has more than two programs. */
function clusterApartText(c: DuplicateCluster, lang: Lang): string {
  if (!c.apart) return '';
  const title = (id: string) => c.programs.find((p) => p.id === id)?.title ?? '';
  return apartText(c.apart.reason, lang, c.programs.length > 2 ? [title(c.apart.a), title(c.apart.b)] : undefined);
}

/** The services two programs share, as a trailing column ("" when none). */
function serviceText(services: ServiceName[], lang: Lang): string {
  if (services.length === 0) return '';
  return `\t[${translator(lang)('similar.sameService', { names: serviceNamesIn(services, lang) })}]`;
}
/** A match the duplicate model judges a likely or a possible duplicate, with its probability ("[peluang duplikat 87%]",
 * "[mungkin duplikat 45%]"). */
function likelyText(h: { likelyDuplicate: boolean; possibleDuplicate: boolean; duplicate: number }, lang: Lang): string {
  if (h.possibleDuplicate) return `\t[${translator(lang)('duplicates.possibleStrength', { pct: Math.round(h.duplicate * 100) })}]`;
  return h.likelyDuplicate ? `\t[${translator(lang)('duplicates.strength', { pct: Math.round(h.duplicate * 100) })}]` : '';
}

const USAGE = `Pemakaian / usage:
  rembuk demo <db>               buat masterplan demo / create the demo masterplan
  rembuk info <db> [--json]      ringkasan isi / counts
  rembuk programs <db> [--json]  daftar program / list programs
  rembuk sync export <db> -o <file.rembuk> [--only-new]
  rembuk sync import <db> <file> [--dry-run] [--json] [--yes]
                                 <db> yang belum ada = bergabung / a missing <db> joins the masterplan
  rembuk export docx <db> -o <berkas.docx> [--paper a4|f4] [--lang id|en]   dokumen masterplan (Word)
  rembuk export xlsx <db> -o <berkas.xlsx>                                  daftar program (Excel)
  rembuk similar <db> "<teks>" [--limit N] [--json]  program yang mirip / similar programs
  rembuk duplicates <db> [--likely] [--json]         kelompok duplikat: kemungkinan besar, lalu yang mungkin
                                                     (--likely: kemungkinan besar saja) / likely, then possible duplicates
Opsi / options: --lang id|en`;

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): number | Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' }, output: { type: 'string', short: 'o' }, out: { type: 'string' }, paper: { type: 'string' }, 'only-new': { type: 'boolean' }, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' }, limit: { type: 'string' }, likely: { type: 'boolean' } } });
  const config = new AppConfig(defaultDataDir());
  const lang = values.lang === 'en' || values.lang === 'id' ? values.lang : config.get().language;
  const [command, dbArg] = positionals;
  if (values.help || !command) { out(USAGE); return command ? 0 : 2; }
  // --- export (issue 3) ---
  if (command === 'export') return runExportCommand(positionals.slice(1), values, lang, out);
  try {
    if (command === 'sync') return runSync(positionals.slice(1), values, config, lang, out);
    if (!dbArg) { out(USAGE); return 2; }
    const file = path.resolve(dbArg);
    const installationId = config.get().installationId;
    if (command === 'demo') {
      const mp = createDemo(file, installationId);
      const info = masterplanInfo(mp);
      mp.close();
      out(lang === 'en'
        ? `Demo masterplan created: ${file}\n  ${info.counts.opds} OPDs, ${info.counts.programs} programs, ${info.counts.presentations} presentations`
        : `Masterplan demo dibuat: ${file}\n  ${info.counts.opds} OPD, ${info.counts.programs} program, ${info.counts.presentations} pemaparan`);
      return 0;
    }
    if (command === 'info' || command === 'programs') {
      const mp = MasterplanDb.open(file, { installationId, readonly: true });
      try {
        if (command === 'info') {
          const info = masterplanInfo(mp);
          if (values.json) out(JSON.stringify({ title: info.masterplan.title, ...info.counts }, null, 2));
          else {
            const c = info.counts;
            out(`${info.masterplan.title}\n  OPD: ${c.opds}\n  ${lang === 'en' ? 'sessions' : 'sesi Bimtek'}: ${c.sessions}\n  ${lang === 'en' ? 'presentations' : 'pemaparan'}: ${c.presentations}\n  program: ${c.programs}\n  ${lang === 'en' ? 'changes' : 'perubahan'}: ${c.changes}`);
          }
        } else {
          const { rows } = queryPrograms(mp, {});
          if (values.json) {
            out(JSON.stringify(rows.map((r) => ({
              id: r.id, title: r.title, opd: r.opdAbbr || r.opdName, opdName: r.opdName, dimension: r.dimension, element: r.element,
              horizon: r.horizon, quickWin: r.quickWin, startYear: r.startYear, endYear: r.endYear, budget: r.budget, funding: r.funding, status: r.status,
            })), null, 2));
          } else {
            for (const r of rows) {
              out([r.opdAbbr || r.opdName, r.title, labelOf(DIMENSIONS, r.dimension, lang), labelOf(HORIZONS, r.horizon, lang),
                r.budget == null ? '-' : formatRupiah(r.budget), labelOf(PROGRAM_STATUSES, r.status, lang)].join('\t'));
            }
          }
        }
      } finally { mp.close(); }
      return 0;
    }
    // ---- duplicate finding (issue 5) ----
    if (command === 'similar' || command === 'duplicates') {
      const text = positionals[2];
      if (command === 'similar' && !text) { out(USAGE); return 2; }
      const limit = values.limit === undefined ? 10 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) { out(USAGE); return 2; }
      // writable, so the similarity index catches up and is kept for the next call
      const mp = MasterplanDb.open(file, { installationId });
      try {
        if (command === 'similar') {
          const hits = similarPrograms(mp, { text: text!, limit });
          if (values.json) out(JSON.stringify(hits.map((h) => ({ id: h.id, title: h.title, opd: h.opdAbbr || h.opdName, dimension: h.dimension, score: Math.round(h.score * 1000) / 1000, duplicate: Math.round(h.duplicate * 1000) / 1000, likelyDuplicate: h.likelyDuplicate, possibleDuplicate: h.possibleDuplicate, services: h.services, apart: h.apart })), null, 2));
          else if (hits.length === 0) out(lang === 'en' ? 'No similar programs.' : 'Tidak ada program yang mirip.');
          else for (const h of hits) out(`${Math.round(h.score * 100)}%\t${h.opdAbbr || h.opdName}\t${h.title}\t${labelOf(DIMENSIONS, h.dimension, lang)}${likelyText(h, lang)}${serviceText(h.services, lang)}${apartText(h.apart, lang)}`);
        } else {
          const { clusters } = duplicateClusters(mp, { scope: values.likely ? 'likely' : 'all' });
          if (values.json) out(JSON.stringify(clusters.map((c) => ({ strength: Math.round(c.strength * 1000) / 1000, likely: c.likely, programs: c.programs.map((p) => ({ id: p.id, title: p.title, opd: p.opdAbbr || p.opdName })), services: c.services, apart: c.apart })), null, 2));
          else if (clusters.length === 0) out(lang === 'en' ? 'No likely duplicates.' : 'Tidak ada kemungkinan duplikat.');
          else for (const c of clusters) out(`${Math.round(c.strength * 100)}%${c.likely ? '' : ` (${translator(lang)('duplicates.possibleMark')})`}\t${c.programs.map((p) => `${p.opdAbbr || p.opdName}: ${p.title}`).join('  |  ')}${serviceText(c.services, lang)}${clusterApartText(c, lang)}`);
        }
      } finally { mp.close(); }
      return 0;
    }
    out(USAGE);
    return 2;
  } catch (e) {
    const err = isAppError(e) ? e : new AppError('INTERNAL');
    if (!isAppError(e)) console.error(e);
    process.stderr.write(`rembuk: ${toPayload(err, lang).message}\n`);
    return 1;
  }
}

/** `rembuk sync export|import`. */
function runSync(args: string[], values: Record<string, string | boolean | undefined>, config: AppConfig, lang: 'id' | 'en', out: (s: string) => void): number {
  const [sub, dbArg, fileArg] = args;
  if (!dbArg || (sub !== 'export' && sub !== 'import')) { out(USAGE); return 2; }
  const db = path.resolve(dbArg);
  const profile = config.get().profile;
  const installationId = config.get().installationId;
  if (sub === 'export') {
    if (typeof values.output !== 'string') { out(USAGE); return 2; }
    const mp = MasterplanDb.open(db, { installationId, profileId: profile?.id });
    try {
      const r = exportWork(mp, { onlyNew: !!values['only-new'], facilitator: profile?.name ?? null, appVersion: APP_VERSION });
      writeFileAtomic(path.resolve(values.output), r.bytes);
      markExported(mp, r.vector);
      out(lang === 'en' ? `Exported ${r.header.changes} changes to ${values.output} (${r.bytes.length} bytes)` : `${r.header.changes} perubahan diekspor ke ${values.output} (${r.bytes.length} byte)`);
    } finally { mp.close(); }
    return 0;
  }
  if (!fileArg) { out(USAGE); return 2; }
  const incoming = readIncoming(path.resolve(fileArg));
  const joined = !fs.existsSync(db);
  if (joined && values['dry-run']) throw new AppError('FILE_NOT_FOUND', { path: db });
  const opened = joined ? joinFromFile(db, incoming, installationId, { profile }) : { mp: MasterplanDb.open(db, { installationId, profileId: profile?.id }), report: null };
  const mp = opened.mp;
  try {
    const r: ImportReport = opened.report ?? (values['dry-run'] ? previewImport(mp, incoming) : applyImport(mp, incoming, !!values.yes));
    if (joined && !values.json) {
      out(lang === 'en' ? `Joined "${incoming.title}" as this laptop's copy: ${db} (${masterplanInfo(mp).counts.programs} programs)` : `Bergabung ke "${incoming.title}" sebagai salinan laptop ini: ${db} (${masterplanInfo(mp).counts.programs} program)`);
      return 0;
    }
    const summary = { joined, applied: r.applied, new: r.rows.created, changed: r.rows.changed + r.rows.restored, deleted: r.rows.deleted, conflicts: r.conflicts, autoMerged: r.autoMerged, changes: r.changes, needsConfirmation: r.needsConfirmation, programs: r.programs };
    if (values.json) out(JSON.stringify(summary, null, 2));
    else if (r.changes.new === 0) out(lang === 'en' ? 'Nothing new: everything in this file is already here.' : 'Tidak ada yang baru: semua isi berkas ini sudah ada.');
    else out(lang === 'en'
      ? `${r.applied ? 'Imported' : 'Would import'}: ${summary.new} new, ${summary.changed} changed, ${summary.deleted} deleted, ${summary.conflicts} conflicts (${r.changes.new} changes)`
      : `${r.applied ? 'Diimpor' : 'Akan diimpor'}: ${summary.new} baru, ${summary.changed} berubah, ${summary.deleted} dihapus, ${summary.conflicts} konflik (${r.changes.new} perubahan)`);
    return 0;
  } finally { mp.close(); }
}

async function runExportCommand(args: string[], values: Record<string, string | boolean | undefined>, lang: 'id' | 'en', out: (s: string) => void): Promise<number> {
  const [format, dbArg] = args;
  const target = typeof values.output === 'string' ? values.output : typeof values.out === 'string' ? values.out : undefined;
  const paper = values.paper;
  const docLang = values.lang;
  if ((format !== 'docx' && format !== 'xlsx') || !dbArg || !target || (paper !== undefined && paper !== 'a4' && paper !== 'f4')) { out(USAGE); return 2; }
  try {
    const overrides = { ...(paper ? { paper: paper as 'a4' | 'f4' } : {}), ...(docLang === 'id' || docLang === 'en' ? { language: docLang as 'id' | 'en' } : {}) };
    const r = await runExport({ dbPath: path.resolve(dbArg), format, outPath: path.resolve(target), overrides });
    out(translator(lang)('export.cli.done', { path: r.path, programs: r.programs }));
    return 0;
  } catch (e) {
    const err = isAppError(e) ? e : new AppError('EXPORT_FAILED', { detail: String((e as Error)?.message ?? e) });
    process.stderr.write(`rembuk: ${toPayload(err, lang).message}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] && /cli[\\/]main\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  void Promise.resolve(run(process.argv.slice(2))).then((code) => { process.exitCode = code; });
}
