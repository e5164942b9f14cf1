/** Crash safety: the real backend (the browser harness server) as a child process, a storm of edits through its API,
 * SIGKILL at a random moment, then: the file passes PRAGMA integrity_check and every edit whose save was acknowledged
 * before the kill is there. Used by test/integration/crash.test.ts (a few rounds) and `npm run test:stress` (50). */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const TOKEN = 'crash-token';

interface Server { child: ChildProcess; base: string }

async function start(dataDir: string): Promise<Server> {
  // one process (node --import tsx), so SIGKILL kills the server itself, not a wrapper
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data', dataDir], {
    env: { ...process.env, REMBUK_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const on = (d: Buffer) => { out += d; const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out); if (m) { clearTimeout(timer); resolve(m[1]!); } };
    child.stdout!.on('data', on); child.stderr!.on('data', on);
    child.on('exit', (c) => { clearTimeout(timer); reject(new Error(`server exited ${c}: ${out}`)); });
  });
  child.removeAllListeners('exit');
  return { child, base };
}

async function api(s: Server, op: string, input: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${s.base}/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(input) });
  const json = await res.json() as { ok: boolean; data: unknown; error?: { message: string } };
  if (!json.ok) throw new Error(`${op}: ${json.error?.message}`);
  return json.data;
}

export interface StormResult { rounds: number; acknowledged: number; found: number; integrity: string[] }

export async function crashStorm(rounds: number, log: (s: string) => void = () => {}): Promise<StormResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rembuk-crash-'));
  const acked = new Map<string, { title: string; notes?: string }>(); // program id → last acknowledged values
  const result: StormResult = { rounds: 0, acknowledged: 0, found: 0, integrity: [] };
  let file = '';
  let opds: string[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const s = await start(dataDir);
      if (round === 0) {
        await api(s, 'app.saveProfile', { name: 'Crash', institution: 'Rembuk' });
        const info = await api(s, 'masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
        file = info.path;
        opds = (await api(s, 'opd.list', {})).map((o: { id: string }) => o.id);
      }
      let alive = true, roundAcked = 0;
      const worker = async (w: number) => {
        for (let i = 0; alive; i++) {
          try {
            const title = `r${round} w${w} #${i} ᬤᬾᬦ᭄ᬧᬲᬃ`;
            const p = await api(s, 'program.create', { fields: { leadOpdId: opds[(w + i) % opds.length], title, budget: '1,5 M' } });
            acked.set(p.id, { title });
            roundAcked++;
            const notes = `catatan ${round}/${w}/${i} `.repeat(1 + (i % 20));
            await api(s, 'program.update', { id: p.id, patch: { notes } });
            acked.set(p.id, { title, notes });
          } catch { return; } // the server died mid-request: unacknowledged, either outcome is fine
        }
      };
      const workers = [0, 1, 2, 3].map(worker);
      const exited = new Promise((r) => s.child.once('exit', r));
      // the kill falls at a random moment once the storm is under way (a few saves acknowledged this round), so that a
      // slow or busy machine still kills mid-storm, not before it; at most 20 s of waiting for those first saves
      for (const until = Date.now() + 20_000; roundAcked < 3 && Date.now() < until;) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 600)));
      s.child.kill('SIGKILL');
      await exited;
      alive = false;
      await Promise.all(workers);

      // check the file as the crash left it
      const db = new Database(file);
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok') result.integrity.push(`round ${round}: ${integrity}`);
      const get = db.prepare('SELECT title, notes FROM program WHERE id = ?');
      let found = 0;
      for (const [id, v] of acked) {
        const row = get.get(id) as { title: string; notes: string | null } | undefined;
        if (row && row.title === v.title && (v.notes === undefined || row.notes === v.notes)) found++;
      }
      db.close();
      result.rounds++;
      result.acknowledged = acked.size;
      result.found = found;
      log(`round ${round + 1}: ${acked.size} acknowledged programs, ${found} found intact, integrity ${integrity}`);
      if (found !== acked.size) break;
    }
    return result;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('crashStorm.ts')) {
  const rounds = Number(process.argv[2] ?? 50);
  const r = await crashStorm(rounds, console.log);
  console.log(`\n${r.rounds} rounds with SIGKILL; ${r.acknowledged} acknowledged edits, ${r.found} found; integrity failures: ${r.integrity.length}`);
  process.exit(r.found === r.acknowledged && r.integrity.length === 0 && r.rounds === rounds ? 0 : 1);
}
