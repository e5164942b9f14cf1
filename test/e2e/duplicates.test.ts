/** Duplicate review in a real browser against the real server and file: a cluster of two programs of different OPDs is
 * listed, merging it leaves one program with both OPDs; complementary links show in the synergy map. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/workspace';
import { createProgram } from '../../electron/core/services/programs';
import { TOKEN, useHarness } from '../helpers/webHarness';

const SHOTS = path.resolve('test-results');
const ids: Record<string, string> = {};
const env = useHarness('rembuk-dup-', (dataDir) => {
  const ws = new Workspace({ dataDir, version: 'test', canPickFiles: false });
  ws.saveProfile('Made Wirawan', 'Bappeda');
  ws.create({ regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
  const mp = ws.require();
  const opd = (abbr: string) => { const id = mp.prepare('SELECT id FROM opd WHERE abbr = ?').pluck().get(abbr) as string; ids[abbr] = id; return id; };
  ids.a = createProgram(mp, { leadOpdId: opd('Dinkes'), title: 'Aplikasi Antrian Online Puskesmas', description: 'Pasien mengambil nomor antrean dari rumah lewat aplikasi.', element: 'health' }).id;
  ids.b = createProgram(mp, { leadOpdId: opd('RSUD Wangaya'), title: 'Sistem Antrean Daring Layanan Puskesmas', element: 'health' }).id;
  ids.c = createProgram(mp, { leadOpdId: opd('DLHK'), title: 'Bank Sampah Digital', element: 'waste' }).id;
  ids.d = createProgram(mp, { leadOpdId: opd('Kec. Densel'), title: 'Aplikasi Bank Sampah Warga', element: 'waste' }).id;
  createProgram(mp, { leadOpdId: opd('Dishub'), title: 'Area Traffic Control System' });
  ws.close();
  fs.mkdirSync(SHOTS, { recursive: true });
});

async function api<T>(op: string, input: unknown): Promise<T> {
  const r = await fetch(`${env.harness.base}/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(input) });
  const body = await r.json() as { ok: boolean; data: T };
  if (!body.ok) throw new Error(JSON.stringify(body));
  return body.data;
}

describe('as-you-type warning in live capture', () => {
  it('typing a title close to another OPD\'s program shows it under the title; Alt+O opens it', async () => {
    const { page, errors } = await env.open();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toContain('Denpasar');
    await page.keyboard.press('Alt+1');
    await page.getByTestId('create-session-4').click();
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(39);
    await page.getByTestId('agenda-item').filter({ hasText: 'Diskominfo' }).or(page.getByTestId('agenda-item').filter({ hasText: 'DKIS' })).first().click();
    await page.getByTestId('qa-title').focus();
    await page.keyboard.type('Antrean daring puskesmas', { delay: 40 });
    await expect.poll(() => page.getByTestId('similar-item').count(), { timeout: 5000 }).toBeGreaterThan(0);
    const first = page.getByTestId('similar-item').first();
    expect(await first.textContent()).toMatch(/Antrian Online Puskesmas|Antrean Daring Layanan Puskesmas/);
    expect(await first.textContent()).toMatch(/Dinkes|RSUD/);
    expect(await first.getByTestId('similar-service').textContent()).toBe('Layanan yang sama: Antrean/pendaftaran online puskesmas');
    expect(await page.getByTestId('qa-title').inputValue()).toBe('Antrean daring puskesmas');
    await page.screenshot({ path: path.join(SHOTS, 'similar-as-you-type.png') });
    await page.keyboard.press('Alt+o');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/Puskesmas/);
    await page.screenshot({ path: path.join(SHOTS, 'similar-opened.png') });
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('duplicate review in the browser', () => {
  it('merging two programs leaves one program with both OPDs; complementary links fill the synergy map', async () => {
    const { page, errors } = await env.open();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toContain('Denpasar');
    await page.keyboard.press('Alt+7');
    await expect.poll(() => page.getByTestId('dup-cluster').count(), { timeout: 20_000 }).toBe(2);
    const antrean = page.getByTestId('dup-cluster').filter({ hasText: 'Antrian Online Puskesmas' });
    expect(await antrean.textContent()).toContain('RSUD Wangaya');
    // each program's description is read under its title (the one without a description shows none)
    expect(await antrean.getByTestId('dup-description').allTextContents()).toEqual(['Pasien mengambil nomor antrean dari rumah lewat aplikasi.']);
    // the service both programs name, in the UI language
    expect(await antrean.getByTestId('dup-service').textContent()).toBe('Layanan yang sama: Antrean/pendaftaran online puskesmas');
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => antrean.getByTestId('dup-service').textContent()).toBe('Same service: Online queue / registration at community health centers');
    await page.getByText('ID', { exact: true }).click();
    await expect.poll(() => antrean.getByTestId('dup-service').textContent()).toContain('Layanan yang sama');
    await page.screenshot({ path: path.join(SHOTS, 'duplicates-review.png') });

    // merge: keep the Dinkes program, lead OPD Dinkes
    await antrean.getByTestId('dup-merge').click();
    await antrean.getByTestId('dup-survivor').first().check();
    await antrean.getByTestId('dup-merge-confirm').click();
    await expect.poll(() => page.getByTestId('dup-cluster').count()).toBe(1);
    await expect.poll(() => page.getByTestId('dup-past-merge').count()).toBe(1);
    const survivorId = (await api<{ rows: { id: string; title: string }[] }>('program.query', { filter: { search: 'puskesmas' } })).rows.map((r) => r.id);
    expect(survivorId).toHaveLength(1);
    const survivor = await api<{ leadOpdId: string; relatedOpdIds: string[]; title: string }>('program.get', { id: survivorId[0] });
    expect([survivor.leadOpdId, ...survivor.relatedOpdIds].sort()).toEqual([ids.Dinkes, ids['RSUD Wangaya']].sort());

    // complementary with a role per OPD
    const sampah = page.getByTestId('dup-cluster').filter({ hasText: 'Bank Sampah Digital' });
    await sampah.getByTestId('dup-complementary').click();
    await sampah.getByTestId('dup-role').nth(0).fill('mengelola bank sampah');
    await sampah.getByTestId('dup-role').nth(1).fill('mendata nasabah di banjar');
    await sampah.getByTestId('dup-complementary-confirm').click();
    await expect.poll(() => page.getByTestId('dup-none').count()).toBe(1);

    await page.getByTestId('dup-tab-map').click();
    await expect.poll(() => page.getByTestId('synergy-cell').count()).toBe(4); // two pairs of OPDs, both halves of the matrix
    // the two kinds read apart: the merged program is shared (a number), the link complementary (↔ and its own colour)
    const cells = await page.getByTestId('synergy-cell').evaluateAll((els) => els.map((e) => [e.getAttribute('data-shared'), e.getAttribute('data-complementary'), e.textContent, e.getAttribute('style')]));
    expect(cells.filter(([s, c, text]) => s === '1' && c === '0' && text === '1')).toHaveLength(2);
    expect(cells.filter(([s, c, text]) => s === '0' && c === '1' && text === '↔1')).toHaveLength(2);
    expect(new Set(cells.map(([, , , bg]) => bg)).size).toBe(2);
    // each OPD's row names how many OPDs it shares or complements programs with
    expect(await page.getByTestId('synergy-partners').allTextContents()).toEqual(['1', '1', '1', '1']);
    // a cell is a button: Tab reaches it, Enter shows its programs
    await page.getByTestId('synergy-cell').first().getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('synergy-pair').count()).toBe(1);
    // the first cell is Dinkes × RSUD Wangaya: the merged program, named, is a button that opens it (here by keyboard)
    await expect.poll(() => page.getByTestId('synergy-shared').textContent()).toContain('Aplikasi Antrian Online Puskesmas');
    await page.getByTestId('synergy-shared').getByRole('button', { name: 'Aplikasi Antrian Online Puskesmas' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Aplikasi Antrian Online Puskesmas');
    // the kept program names the one merged into it, with the OPD it came from; its history is one click away
    const mergedHere = page.getByRole('dialog').getByTestId('program-merged-item');
    await expect.poll(() => mergedHere.count()).toBe(1);
    expect(await mergedHere.textContent()).toMatch(/RSUD Wangaya.*Sistem Antrean Daring Layanan Puskesmas/);
    await mergedHere.getByTestId('program-merged-history').click();
    await expect.poll(() => mergedHere.getByTestId('history-table').count()).toBe(1);
    expect(await mergedHere.getByTestId('history-table').textContent()).toContain('Sistem Antrean Daring Layanan Puskesmas');
    // its history says where it went, by the kept program's title
    await expect.poll(() => mergedHere.getByTestId('history-table').textContent()).toContain('Digabung keAplikasi Antrian Online Puskesmas');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'synergy-map.png') });
    // every complementary link, each OPD's role beside its program
    const line = page.getByTestId('synergy-links').getByTestId('synergy-link');
    expect(await line.count()).toBe(1);
    expect(await line.textContent()).toMatch(/DLHK: Bank Sampah Digital\(mengelola bank sampah\)↔Kec\. Densel: Aplikasi Bank Sampah Warga\(mendata nasabah di banjar\)|Kec\. Densel: Aplikasi Bank Sampah Warga\(mendata nasabah di banjar\)↔DLHK: Bank Sampah Digital\(mengelola bank sampah\)/);

    // undo the merge from the review
    await page.getByTestId('dup-tab-review').click();
    await page.getByTestId('dup-undo').click();
    await expect.poll(async () => (await api<{ rows: unknown[] }>('program.query', { filter: { search: 'puskesmas' } })).rows.length).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the likely duplicates first, the possible ones after a divider, and the likely ones alone on request', async () => {
    // look-alikes of two OPDs, from near-certain duplicates to pairs that share one service and nothing else
    for (const [a, b] of [['E-Parkir', 'Parkir Elektronik Non Tunai'], ['Aplikasi Absensi ASN', 'Presensi Online Pegawai'],
      ['Kartu Tani Digital', 'Sistem Informasi Pupuk Bersubsidi'], ['Pengolahan Sampah Organik Pasar Menjadi Kompos', 'Teba Modern: Pengolahan Sampah Organik Rumah Tangga'],
      ['Sistem Informasi Keluarga dan Kampung KB Digital', 'Kampung Digital Berbasis Banjar']]) {
      await api('program.create', { fields: { leadOpdId: ids.Dishub, title: a } });
      await api('program.create', { fields: { leadOpdId: ids.DLHK, title: b } });
    }
    const answer = await api<{ clusters: { likely: boolean }[]; counts: { likely: number; all: number } }>('duplicates.clusters', { limit: 100 });
    // both tiers are there (else this test proves nothing)
    expect(answer.counts.likely).toBeGreaterThan(0);
    expect(answer.counts.all).toBeGreaterThan(answer.counts.likely);
    const { page, errors } = await env.open();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toContain('Denpasar');
    await page.keyboard.press('Alt+7');
    await expect.poll(() => page.getByTestId('dup-cluster').count(), { timeout: 20_000 }).toBe(answer.counts.all);
    const possible = await page.getByTestId('dup-strength').evaluateAll((els) => els.map((e) => e.hasAttribute('data-possible')));
    expect(possible).toEqual(answer.clusters.map((c) => !c.likely));
    // the divider sits between the last likely cluster and the first possible one
    const order = await page.locator('[data-testid="dup-cluster"], [data-testid="dup-possible-divider"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order.indexOf('dup-possible-divider')).toBe(answer.counts.likely);
    expect(order.filter((x) => x === 'dup-possible-divider')).toHaveLength(1);
    await page.getByTestId('dup-possible-divider').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'duplicates-possible.png') });
    await page.getByText(`Kemungkinan besar (${answer.counts.likely})`).click();
    await expect.poll(() => page.getByTestId('dup-cluster').count()).toBe(answer.counts.likely);
    expect(await page.getByTestId('dup-possible-divider').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every decision can be taken back: "not a duplicate" from its notice or its list, a complementary link from the program', async () => {
    const { page, errors } = await env.open();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toContain('Denpasar');
    await page.keyboard.press('Alt+7');
    const parkir = page.getByTestId('dup-cluster').filter({ hasText: 'Parkir Elektronik Non Tunai' });
    await expect.poll(() => parkir.count(), { timeout: 20_000 }).toBe(1);
    const clusters = await page.getByTestId('dup-cluster').count();
    // dismissed, then taken back from the notice
    await parkir.getByTestId('dup-not').click();
    await expect.poll(() => parkir.count()).toBe(0);
    await page.getByTestId('dup-dismiss-undo').click();
    await expect.poll(() => parkir.count()).toBe(1);
    expect(await page.getByTestId('dup-dismissed').count()).toBe(0);
    // dismissed again: listed under the clusters with both programs and OPDs, and shown again from there
    await parkir.getByTestId('dup-not').click();
    await expect.poll(() => page.getByTestId('dup-dismissed').count()).toBe(1);
    expect(await page.getByTestId('dup-cluster').count()).toBe(clusters - 1);
    expect(await page.getByTestId('dup-dismissed').textContent()).toMatch(/Dishub: E-Parkir.*DLHK: Parkir Elektronik Non Tunai|DLHK: Parkir Elektronik Non Tunai.*Dishub: E-Parkir/);
    await page.getByTestId('dup-show-again').click();
    await expect.poll(() => parkir.count()).toBe(1);
    expect(await page.getByTestId('dup-dismissed').count()).toBe(0);

    // the complementary link of the earlier test, taken off from its program and put back from the notice
    await page.getByTestId('dup-tab-map').click();
    await page.getByTestId('synergy-links').getByRole('button', { name: /Bank Sampah Digital/ }).click();
    const links = page.getByTestId('program-drawer').getByTestId('program-link');
    await expect.poll(() => links.count()).toBe(1);
    await links.first().getByTestId('program-unlink').click();
    await expect.poll(() => links.count()).toBe(0);
    await page.getByTestId('program-relink').click();
    await expect.poll(() => links.count()).toBe(1);
    expect(await links.first().textContent()).toContain('mendata nasabah di banjar'); // the roles came back too
    const back = await api<{ roleA: string | null; roleB: string | null }[]>('synergy.list', {});
    expect(back.flatMap((l) => [l.roleA, l.roleB]).sort()).toEqual(['mendata nasabah di banjar', 'mengelola bank sampah']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
