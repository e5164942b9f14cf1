/** Every operation of the contract under random and malformed input: only typed errors (or valid answers), never a
 * crash, an unhandled rejection or a half-written change. Through dispatch (as both transports use it) and over HTTP. */
import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers, type Handlers } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { OPERATIONS } from '../../shared/api/operations';
import { contract } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/errors';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { tmpDir } from '../helpers/tmp';

/** Operations that change which masterplan is open or the app's settings are left out of the random storm. */
const SKIP = new Set(['masterplan.close', 'masterplan.create', 'masterplan.open', 'sync.join', 'app.saveProfile', 'app.setLanguage', 'app.forgetRecent', 'sync.setFolder', 'app.pickFile']);
const targets = OPERATIONS.filter((o) => !SKIP.has(o));

const hostile = fc.oneof(
  fc.constant(null), fc.constant(undefined), fc.integer(), fc.double(), fc.boolean(), fc.string(), fc.constant('\u0000\u000b'),
  fc.constant('ᬤᬾᬦ᭄ᬧᬲᬃ 🛕'), fc.constant('x'.repeat(6000)), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant('1,5 M'),
  fc.constant('abc'), fc.constant('2019'), fc.constant('__proto__'), fc.constant('../../etc/passwd'), fc.constant("'; DROP TABLE program; --"),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, hostile, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'patch', 'fields', 'title', 'budget', 'opdId', 'leadOpdId', 'startYear', 'endYear', 'element', 'filter', 'search', 'state', 'sessionId', 'ids', 'keep', 'value', 'base64', 'fileName', 'path', 'stage', 'confirmed', 'onlyNew'), tie('v'), { maxKeys: 4 })),
})).v;

let ws: Workspace;
let handlers: Handlers;
let ids: string[] = [];

beforeAll(() => {
  ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
  ws.saveProfile('Fuzz', 'Rembuk');
  ws.create({ regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
  handlers = createHandlers(ws);
  const mp = ws.require();
  ids = [...(mp.prepare('SELECT id FROM opd LIMIT 3').pluck().all() as string[]), 'no-such-id', ''];
});
afterAll(() => ws.close());

function invariant() {
  const mp = ws.require();
  expect(mp.db.pragma('foreign_key_check')).toEqual([]);
  expect(mp.db.pragma('quick_check', { simple: true })).toBe('ok');
  // the write path's promise: every row's stamps are the min/max of its change-log rows
  const stale = mp.prepare(`SELECT count(*) FROM program p WHERE p.updated_stamp <> (SELECT max(stamp) FROM change_log c WHERE c.entity = 'program' AND c.row_id = p.id)`).pluck().get();
  expect(stale).toBe(0);
}

describe('every operation under hostile input', () => {
  it(`${targets.length} operations × random inputs: typed answers only, database consistent`, async () => {
    const counts: Record<string, number> = {};
    await fc.assert(fc.asyncProperty(fc.constantFrom(...targets), value, fc.constantFrom(...[0, 1, 2, 3, 4]), async (op, input, idPick) => {
      // sometimes aim at real rows so deeper code runs
      const aimed = input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as object), id: ids[idPick] } : input;
      const r = await dispatch(handlers, op, aimed, { language: () => 'id', checkOutputs: true, log: () => { throw new Error(`unexpected failure in ${op}`); } });
      counts[op] = (counts[op] ?? 0) + 1;
      if (!r.ok) {
        expect(ERROR_CODES).toContain(r.error.code);
        expect(r.error.code).not.toBe('INTERNAL');
        expect(r.error.message.length).toBeGreaterThan(5);
      } else {
        expect(contract[op].output.safeParse(r.data).success).toBe(true);
      }
    }), { numRuns: 3000 });
    invariant();
    console.log(`inputs per operation: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(Object.keys(counts).length).toBe(targets.length);
  }, 120_000);
});

describe('the operations that switch the masterplan or change settings, under hostile input', () => {
  it(`${SKIP.size} operations × random inputs: typed answers only, whatever is open stays consistent, nothing written outside the data folder`, async () => {
    const dataDir = tmpDir();
    const own = new Workspace({ dataDir, version: 'test', canPickFiles: false });
    own.saveProfile('Fuzz', 'Rembuk');
    own.create({ regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
    const first = own.require().path;
    const ownHandlers = createHandlers(own);
    const cwdBefore = new Set(fs.readdirSync(process.cwd()));
    const settingValue = fc.oneof(value, fc.constantFrom('id', 'en', 'open-masterplan', 'Kota Denpasar', 'kota', first, dataDir, `${dataDir}/nope.sqlite`, 2019, 2028));
    const input = fc.oneof(value, fc.dictionary(fc.constantFrom('path', 'language', 'name', 'institution', 'purpose', 'regionName', 'regionKind', 'periodStart', 'periodEnd', 'title', 'opdTemplate', 'base64', 'fileName'), settingValue, { maxKeys: 5 }));
    const counts: Record<string, number> = {};
    await fc.assert(fc.asyncProperty(fc.constantFrom(...SKIP), input, async (op, raw) => {
      const r = await dispatch(ownHandlers, op, raw, { language: () => 'id', checkOutputs: true, log: () => { throw new Error(`unexpected failure in ${op}`); } });
      counts[op] = (counts[op] ?? 0) + 1;
      if (!r.ok) {
        expect(ERROR_CODES).toContain(r.error.code);
        expect(r.error.code).not.toBe('INTERNAL');
      } else expect(contract[op as keyof typeof contract].output.safeParse(r.data).success).toBe(true);
      const open = own.state().current;
      if (open) {
        const mp = own.require();
        expect(mp.db.pragma('quick_check', { simple: true })).toBe('ok');
        expect(mp.db.pragma('foreign_key_check')).toEqual([]);
      } else own.open(first); // closed by the storm: open the first one again for the next input
    }), { numRuns: 400 });
    own.close();
    expect(new Set(fs.readdirSync(process.cwd()))).toEqual(cwdBefore);
    console.log(`inputs per operation: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(Object.keys(counts).length).toBe(SKIP.size);
  }, 120_000);
});

describe('the HTTP transport under hostile bodies', () => {
  let server: WebServer;
  beforeAll(async () => { server = await startWebServer({ dataDir: tmpDir(), staticDir: tmpDir(), token: 't', version: 'test' }); });
  afterAll(async () => { await server.close(); });

  it('random JSON bodies to every operation: a JSON answer with a typed error or data, never a crash', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...OPERATIONS, 'nope', '../x', '%00'), fc.oneof(value.map((v) => JSON.stringify(v) ?? 'null'), fc.string()), async (op, body) => {
      const res = await fetch(`${base}/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' }, body });
      expect([200, 400, 404, 405, 413]).toContain(res.status);
      if (res.status === 405) { expect(op).toMatch(/\.\./); return; } // "/api/../x" is not an API path
      const json = await res.json() as { ok: boolean; error?: { code: string } };
      if (!json.ok) expect(ERROR_CODES).toContain(json.error!.code);
    }), { numRuns: 400 });
  }, 120_000);
});
