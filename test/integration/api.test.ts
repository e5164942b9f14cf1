import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { Workspace } from '../../electron/core/workspace';
import { ENTITIES } from '../../shared/entities';
import type { ApiResult } from '../../shared/api/contract';
import { dumpTables } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';

const TABLES = [...Object.values(ENTITIES).map((e) => e.table), 'change_log'];

function setup(language: 'id' | 'en' = 'id') {
  const ws = new Workspace({ dataDir: tmpDir(), version: 'test', canPickFiles: false });
  ws.config.update((d) => { d.language = language; });
  const handlers = createHandlers(ws);
  const api = async <T = any>(name: string, input: unknown): Promise<ApiResult<T>> => // eslint-disable-line @typescript-eslint/no-explicit-any
    (await dispatch(handlers, name, input, { language: () => ws.language, checkOutputs: true })) as ApiResult<T>;
  const ok = async <T = any>(name: string, input: unknown): Promise<T> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const r = await api<T>(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.data;
  };
  return { ws, api, ok };
}

async function withMasterplan(language: 'id' | 'en' = 'id') {
  const s = setup(language);
  await s.ok('app.saveProfile', { name: 'Ni Luh Putu Ayu', institution: 'Kominfo' });
  const info = await s.ok('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
  const opds = await s.ok('opd.list', {});
  return { ...s, info, opds };
}

describe('API: the contract, the handlers and their errors', () => {
  it('creating a masterplan needs a facilitator profile first, and says so', async () => {
    const { api } = setup();
    const r = await api('masterplan.create', { regionName: 'Denpasar', regionKind: 'kota', periodStart: 2019, periodEnd: 2028, opdTemplate: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'PROFILE_REQUIRED', message: expect.stringContaining('profil fasilitator') } });
  });

  it('creates a masterplan from the Denpasar template into the data folder, and lists it as recent', async () => {
    const { info, opds, ok, ws } = await withMasterplan();
    expect(info.masterplan.title).toBe('Masterplan Smart City Kota Denpasar');
    expect(path.dirname(info.path)).toBe(ws.masterplansDir);
    expect(opds.length).toBe(39);
    const state = await ok('app.state', {});
    expect(state.recent[0]).toMatchObject({ path: info.path, exists: true });
    expect(state.current.counts.opds).toBe(39);
  });

  it('captures a program with budget as people say it, and refuses "abc" with a sentence (Indonesian and English)', async () => {
    const { ok, api, opds, ws } = await withMasterplan();
    const p = await ok('program.create', { fields: { leadOpdId: opds[11].id, title: 'Antrean Puskesmas Daring', budget: '1,5 M', element: 'health', horizon: 'quick-win' } });
    expect(p).toMatchObject({ budget: 1_500_000_000, dimension: 'living', element: 'health', quickWin: true, status: 'proposed' });
    const bad = await api('program.update', { id: p.id, patch: { budget: 'abc' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BUDGET_INVALID', field: 'budget', message: 'Anggaran "abc" tidak terbaca. Tulis misalnya 1,5 M, 250 jt, 750 rb atau 1.500.000.000.' } });
    ws.config.update((d) => { d.language = 'en'; });
    const badEn = await api('program.update', { id: p.id, patch: { budget: -5 } });
    expect(badEn).toMatchObject({ ok: false, error: { code: 'BUDGET_NEGATIVE', message: 'A budget cannot be negative.' } });
    expect((await ok('program.get', { id: p.id })).budget).toBe(1_500_000_000);
  });

  it('refuses empty and 5,000-character titles, end year before start year, and an element of another dimension', async () => {
    const { api, ok, opds } = await withMasterplan();
    expect(await api('program.create', { fields: { leadOpdId: opds[0].id, title: '   ' } })).toMatchObject({ ok: false, error: { code: 'FIELD_REQUIRED', field: 'title', message: 'Judul wajib diisi.' } });
    const long = await api('program.create', { fields: { leadOpdId: opds[0].id, title: 'a'.repeat(5000) } });
    expect(long).toMatchObject({ ok: false, error: { code: 'FIELD_TOO_LONG', field: 'title', message: 'Judul terlalu panjang (5000 karakter); paling banyak 500 karakter.' } });
    const p = await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'Smart Parking', startYear: 2020 } });
    expect(await api('program.update', { id: p.id, patch: { endYear: 2019 } })).toMatchObject({ ok: false, error: { code: 'YEAR_RANGE', field: 'endYear' } });
    expect(await api('program.update', { id: p.id, patch: { dimension: 'economy', element: 'health' } })).toMatchObject({ ok: false, error: { code: 'ELEMENT_MISMATCH' } });
    // choosing another dimension drops an element that no longer fits
    await ok('program.update', { id: p.id, patch: { element: 'mobility' } });
    expect(await ok('program.update', { id: p.id, patch: { dimension: 'economy' } })).toMatchObject({ dimension: 'economy', element: null });
  });

  it('a refused request changes nothing in the database', async () => {
    const { api, ok, opds, ws } = await withMasterplan();
    const p = await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'E-Office' } });
    const before = dumpTables(ws.require(), TABLES);
    for (const patch of [{ budget: 'abc' }, { title: '' }, { startYear: 2030, endYear: 2020 }, { leadOpdId: 'nope' }, { status: 'maybe' }, { element: 'unknown' }]) {
      expect((await api('program.update', { id: p.id, patch })).ok).toBe(false);
    }
    expect((await api('program.update', { id: p.id, patch: { title: 'x', extra: 1 } })).ok).toBe(false);
    expect(dumpTables(ws.require(), TABLES)).toEqual(before);
  });

  it('carries Balinese script, emoji, right-to-left text and line breaks exactly; strips control characters', async () => {
    const { ok, opds } = await withMasterplan();
    const text = 'ᬧᬲᬭ᭄ ᬩᬤᬸᬂ 🛕🌊\n• pasar tradisional\n• مرحبا';
    const p = await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'Pasar\u000b Badung\u0000 🛕', description: text } });
    expect(p.title).toBe('Pasar Badung 🛕');
    expect(p.description).toBe(text);
    const long = 'Deskripsi panjang. '.repeat(263);
    expect((await ok('program.update', { id: p.id, patch: { description: long } })).description).toBe(long);
  });

  it('full-text search finds words in titles and descriptions, ignoring accents and case', async () => {
    const { ok, opds } = await withMasterplan();
    await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'Aplikasi Antrean Puskesmas', description: 'pendaftaran daring' } });
    await ok('program.create', { fields: { leadOpdId: opds[1].id, title: 'Café Wi-Fi Publik', description: 'akses internet taman kota' } });
    const r1 = await ok('program.query', { filter: { search: 'puskes' } });
    expect(r1.rows.map((r: { title: string }) => r.title)).toEqual(['Aplikasi Antrean Puskesmas']);
    expect((await ok('program.query', { filter: { search: 'cafe TAMAN' } })).total).toBe(1);
    expect((await ok('program.query', { filter: { search: '"OR" NOT *' } })).total).toBe(0);
  });

  it('an OPD that still leads programs cannot be removed; an empty one can, and comes back on restore', async () => {
    const { api, ok, opds } = await withMasterplan();
    await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'JDIH Daring' } });
    expect(await api('opd.delete', { id: opds[0].id })).toMatchObject({ ok: false, error: { code: 'OPD_HAS_PROGRAMS', message: expect.stringContaining('Sekretariat Daerah') } });
    await ok('opd.delete', { id: opds[1].id });
    expect((await ok('opd.list', {})).length).toBe(38);
    await ok('opd.restore', { id: opds[1].id });
    expect((await ok('opd.list', {})).length).toBe(39);
  });

  it('a session starts with every OPD on its agenda; presenting one finishes the other; reorder keeps everyone', async () => {
    const { ok } = await withMasterplan();
    const s = await ok('session.create', { stage: 4, dateStart: '2018-10-22', venue: 'Ruang Tirta Utama' });
    expect(s.title).toBe('Bimtek Tahap IV — Pemaparan Program OPD dan Finalisasi');
    let agenda = await ok('presentation.list', { sessionId: s.id });
    expect(agenda.length).toBe(39);
    agenda = await ok('presentation.setState', { id: agenda[0].id, state: 'presenting' });
    agenda = await ok('presentation.setState', { id: agenda[1].id, state: 'presenting' });
    expect(agenda.filter((p: { state: string }) => p.state === 'presenting').length).toBe(1);
    expect(agenda[0]).toMatchObject({ state: 'done', endedAt: expect.any(String) });
    const reordered = await ok('presentation.reorder', { sessionId: s.id, ids: [agenda[5].id, agenda[0].id] });
    expect(reordered.slice(0, 2).map((p: { id: string }) => p.id)).toEqual([agenda[5].id, agenda[0].id]);
    expect(reordered.length).toBe(39);
  });

  it('history says who changed which field, from what to what', async () => {
    const { ok, opds } = await withMasterplan();
    const p = await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'Smart Parking' } });
    await ok('program.update', { id: p.id, patch: { title: 'Smart Parking Kota' } });
    await ok('program.setRelatedOpds', { id: p.id, opdIds: [opds[16].id] });
    const h = await ok('program.history', { id: p.id });
    const title = h.find((e: { field: string; value: unknown }) => e.field === 'title' && e.value === 'Smart Parking Kota');
    expect(title).toMatchObject({ author: 'Ni Luh Putu Ayu', previous: 'Smart Parking' });
    expect(h.some((e: { entity: string }) => e.entity === 'programOpd')).toBe(true);
  });

  it('dashboard counts programs per OPD and dimension, quick wins, budget by dimension and source', async () => {
    const { ok, opds } = await withMasterplan();
    await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'A', element: 'service', budget: '1 M', funding: 'apbd', horizon: 'quick-win' } });
    await ok('program.create', { fields: { leadOpdId: opds[0].id, title: 'B', element: 'service', budget: '250 jt', funding: 'apbn' } });
    await ok('program.create', { fields: { leadOpdId: opds[1].id, title: 'C', element: 'waste', budget: '5 M', funding: 'apbd', status: 'dropped' } });
    const d = await ok('dashboard.get', {});
    expect(d.totals).toMatchObject({ programs: 3, quickWins: 1, budget: 1_250_000_000, opds: 39, opdsPresented: 0 });
    expect(d.matrix[0]).toMatchObject({ total: 2, counts: { governance: 2 } });
    expect(d.budgetByDimension.find((b: { dimension: string }) => b.dimension === 'governance')).toMatchObject({ byFunding: { apbd: 1_000_000_000, apbn: 250_000_000 }, total: 1_250_000_000 });
    expect(d.quickWinsByDimension.find((q: { dimension: string }) => q.dimension === 'governance').programs.length).toBe(1);
    expect(d.notPresented.length).toBe(39);
  });

  it('unknown operations, malformed input and no open masterplan get typed errors, not crashes', async () => {
    const { api } = setup('en');
    expect(await api('program.explode', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await api('program.list', 42)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await api('opd.list', {})).toMatchObject({ ok: false, error: { code: 'NO_MASTERPLAN_OPEN', message: 'No masterplan is open. Open or create one first.' } });
    expect(await api('masterplan.open', { path: '/nonexistent/x.sqlite' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
