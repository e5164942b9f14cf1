/** One export in a fresh process, for the benchmark: prints {ms, maxRssMB} as JSON. Usage: exportChild.ts <db> <out> */
import { runExport } from '../../electron/core/export/run';

const [db, out] = process.argv.slice(2);
const t = process.hrtime.bigint();
const r = await runExport({ dbPath: db!, format: out!.endsWith('.xlsx') ? 'xlsx' : 'docx', outPath: out! });
const ms = Number(process.hrtime.bigint() - t) / 1e6;
console.log(JSON.stringify({ ms, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), bytes: r.bytes, programs: r.programs }));
