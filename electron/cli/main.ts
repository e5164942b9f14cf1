/** `rembuk`: the command line, calling the same services as the app.
 *   rembuk demo <db>                 create the demo masterplan (Denpasar-like Bimtek IV)
 *   rembuk info <db> [--json]        counts: OPDs, sessions, presentations, programs, changes
 *   rembuk programs <db> [--json]    list the programs
 *   rembuk export docx <db> -o <file.docx> [--paper a4|f4] [--lang id|en]   the masterplan document (Word)
 *   rembuk export xlsx <db> -o <file.xlsx>                                  the program list (Excel) */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../shared/errors';
import { DIMENSIONS, HORIZONS, PROGRAM_STATUSES, labelOf } from '../../shared/reference';
import { formatRupiah } from '../../shared/rupiah';
import { toPayload } from '../core/api/dispatch';
import { AppConfig } from '../core/config/appConfig';
import { MasterplanDb } from '../core/db/masterplanDb';
import { createDemo } from '../core/demo/createDemo';
import { defaultDataDir } from '../core/paths';
import { masterplanInfo } from '../core/services/masterplans';
import { queryPrograms } from '../core/services/programs';
import { runExport } from '../core/export/run';
import { translator } from '../../shared/i18n';

const USAGE = `Pemakaian / usage:
  rembuk demo <db>               buat masterplan demo / create the demo masterplan
  rembuk info <db> [--json]      ringkasan isi / counts
  rembuk programs <db> [--json]  daftar program / list programs
  rembuk export docx <db> -o <berkas.docx> [--paper a4|f4] [--lang id|en]   dokumen masterplan (Word)
  rembuk export xlsx <db> -o <berkas.xlsx>                                  daftar program (Excel)
Opsi / options: --lang id|en`;

export function run(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): number | Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' }, out: { type: 'string', short: 'o' }, paper: { type: 'string' } } });
  const config = new AppConfig(defaultDataDir());
  const lang = values.lang === 'en' || values.lang === 'id' ? values.lang : config.get().language;
  const [command, dbArg] = positionals;
  if (values.help || !command) { out(USAGE); return command ? 0 : 2; }
  // --- export (issue 3) ---
  if (command === 'export') return runExportCommand(positionals.slice(1), values, lang, out);
  try {
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
    out(USAGE);
    return 2;
  } catch (e) {
    const err = isAppError(e) ? e : new AppError('INTERNAL');
    if (!isAppError(e)) console.error(e);
    process.stderr.write(`rembuk: ${toPayload(err, lang).message}\n`);
    return 1;
  }
}

async function runExportCommand(args: string[], values: Record<string, string | boolean | undefined>, lang: 'id' | 'en', out: (s: string) => void): Promise<number> {
  const [format, dbArg] = args;
  const target = typeof values.out === 'string' ? values.out : undefined;
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
