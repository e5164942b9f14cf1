/** End to end in a real browser against the real server and a real SQLite file: create a masterplan from the
 * Denpasar template, open Bimtek IV, capture programs for two OPDs with the keyboard only, reload, find it all. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHarness } from '../helpers/webHarness';

const SHOTS = path.resolve('test-results');
const env = useHarness('rembuk-e2e-', () => { fs.mkdirSync(SHOTS, { recursive: true }); });

async function saved(page: Page) {
  await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
}

async function captureProgram(page: Page, keys: { title: string; element?: string; horizon?: string; start?: string; end?: string; budget?: string; funding?: string }) {
  await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('qa-title');
  await page.keyboard.type(keys.title);
  await page.keyboard.press('Tab');
  if (keys.element) await page.keyboard.type(keys.element);
  await page.keyboard.press('Tab');
  if (keys.horizon) await page.keyboard.type(keys.horizon);
  await page.keyboard.press('Tab');
  if (keys.start) await page.keyboard.type(keys.start);
  await page.keyboard.press('Tab');
  if (keys.end) await page.keyboard.type(keys.end);
  await page.keyboard.press('Tab');
  if (keys.budget) await page.keyboard.type(keys.budget);
  await page.keyboard.press('Tab');
  if (keys.funding) await page.keyboard.type(keys.funding);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('captured-program').filter({ has: page.locator(`input[value="${keys.title}"]`) }).count()).toBe(1);
}

describe('live capture in the browser harness', () => {
  it('creates a masterplan, captures two OPDs by keyboard, survives a reload', async () => {
    const { page, errors } = await env.open({ height: 960 });

    // first run: the facilitator profile
    await page.getByTestId('profile-name').fill('Ni Luh Putu Ayu Lestari');
    await page.getByTestId('profile-institution').fill('Kominfo — Tim Pendamping');
    await page.keyboard.press('Enter');

    // create from the Denpasar template
    await page.getByTestId('create-region').fill('Denpasar');
    await page.getByTestId('create-province').fill('Bali');
    await page.getByTestId('create-period-start').fill('2019');
    await page.getByTestId('create-period-end').fill('2028');
    await page.getByTestId('create-submit').click();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toBe('Masterplan Smart City Kota Denpasar');
    await expect.poll(() => page.locator('[data-testid=opd-table] tbody tr').count()).toBe(39);

    // open Bimtek IV (Alt+1 = live capture)
    await page.keyboard.press('Alt+1');
    await page.getByTestId('create-session-4').click();
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(39);

    // OPD 1: Dinkes — select it from the agenda with the keyboard, start presenting with Alt+N
    await page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('current-opd').textContent()).toBe('Dinas Kesehatan');
    await page.keyboard.press('Alt+n');
    await expect.poll(() => page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).getAttribute('data-state')).toBe('presenting');
    await page.getByTestId('presenter-name').focus();
    await page.keyboard.type('dr. I Gusti Ayu Raka');
    await page.getByTestId('presentation-summary').focus();
    await page.keyboard.type('Dinkes memaparkan layanan kesehatan digital.\nFokus: puskesmas.');
    await page.getByTestId('qa-title').focus();

    await captureProgram(page, { title: 'Aplikasi Antrean Puskesmas Daring', element: 'keseh', horizon: 'quick', start: '2019', end: '2020', budget: '1,5 M', funding: 'apbd' });
    await captureProgram(page, { title: 'Telemedisin ᬲᬾᬳᬢ᭄ 🏥', element: 'kesehatan', horizon: 'menengah', start: '2020', end: '2024', budget: '250 jt', funding: 'dak' });

    // OPD 2: Alt+N finishes Dinkes and starts the next waiting OPD in the agenda
    await page.keyboard.press('Alt+n');
    await expect.poll(() => page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).getAttribute('data-state')).toBe('done');
    await expect.poll(() => page.getByTestId('current-opd').textContent()).not.toBe('Dinas Kesehatan');
    const second = await page.getByTestId('current-opd').textContent();
    expect(await page.locator('[data-testid=agenda-item][data-state=presenting]').getAttribute('data-opd')).toBe('Dinas PUPR');
    await captureProgram(page, { title: 'Smart Parking Terintegrasi', element: 'mobil', horizon: 'pendek', start: '2019', end: '2021', budget: '750 rb', funding: 'kpbu' });
    await captureProgram(page, { title: 'Peta Digital Tata Ruang', element: 'harmo', budget: '1.500.000.000' });
    await saved(page);
    await page.screenshot({ path: path.join(SHOTS, 'capture.png') });

    // reload: everything is still there
    await page.reload();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toBe('Masterplan Smart City Kota Denpasar');
    await expect.poll(() => page.getByTestId('current-opd').textContent()).toBe(second);
    await expect.poll(() => page.getByTestId('captured-program').count()).toBe(2);
    await page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).click();
    await expect.poll(() => page.getByTestId('captured-program').count()).toBe(2);
    expect(await page.getByTestId('presenter-name').inputValue()).toBe('dr. I Gusti Ayu Raka');
    expect(await page.getByTestId('presentation-summary').inputValue()).toBe('Dinkes memaparkan layanan kesehatan digital.\nFokus: puskesmas.');
    const first = page.getByTestId('captured-program').nth(1); // newest first
    expect(await first.getByTestId('program-budget').inputValue()).toBe('Rp 1.500.000.000');
    expect(await first.getByTestId('program-element').inputValue()).toBe('Prasarana kesehatan');
    expect(await page.getByTestId('captured-program').first().getByTestId('program-title').inputValue()).toBe('Telemedisin ᬲᬾᬳᬢ᭄ 🏥');

    // the programs view lists the four, and full-text search finds one
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('program-row').count()).toBe(4);
    await page.getByTestId('programs-search').fill('puskes');
    await expect.poll(() => page.getByTestId('program-row').count()).toBe(1);
    await page.getByTestId('programs-search').fill('');
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.getByTestId('dashboard-stat').first().textContent()).toBe('4');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an inline edit autosaves and survives a reload; an unreadable budget is refused in place', async () => {
    const { page } = await env.open({ height: 960 });
    await page.keyboard.press('Alt+1');
    await page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).click();
    const card = page.getByTestId('captured-program').filter({ has: page.locator('input[value="Aplikasi Antrean Puskesmas Daring"]') });
    const budget = card.getByTestId('program-budget');
    await budget.fill('abc');
    await expect.poll(() => card.getByText('Anggaran tidak terbaca', { exact: false }).count()).toBe(1);
    await budget.fill('2,5 M');
    await budget.blur();
    await saved(page);
    await page.reload();
    await page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).click();
    await expect.poll(() => card.getByTestId('program-budget').inputValue()).toBe('Rp 2.500.000.000');

    // typing and reloading at once (before the autosave pause ends): the edit is flushed on page hide
    const recs = page.getByTestId('presentation-recommendations');
    await recs.click();
    await page.keyboard.type('Sinergikan dengan RSUD Wangaya.');
    await page.reload();
    await page.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).click();
    await expect.poll(() => page.getByTestId('presentation-recommendations').inputValue()).toBe('Sinergikan dengan RSUD Wangaya.');
    await page.close();
  });

  it('explains a file that is not a masterplan on the start screen, and switches to English', async () => {
    const { page } = await env.open({ height: 960 });
    await page.getByTestId('close-masterplan').click();
    const photo = path.join(env.dataDir, 'foto-rapat.sqlite');
    fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1]));
    await page.getByTestId('open-path').fill(photo);
    await page.getByTestId('open-path-submit').click();
    await expect.poll(() => page.getByTestId('start-error').textContent()).toContain('bukan berkas masterplan Rembuk');
    await page.getByTestId('open-path').fill(path.join(env.dataDir, 'tidak-ada.sqlite'));
    await page.getByTestId('open-path-submit').click();
    await expect.poll(() => page.getByTestId('start-error').textContent()).toContain('Berkas tidak ditemukan');
    // back to the masterplan from the recent list, then English
    await page.getByTestId('recent-open').first().click();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toBe('Masterplan Smart City Kota Denpasar');
    await page.getByText('EN', { exact: true }).click();
    await expect.poll(() => page.getByTestId('nav-capture').textContent()).toBe('Live capture');
    await page.getByText('ID', { exact: true }).click();
    await expect.poll(() => page.getByTestId('nav-capture').textContent()).toBe('Rekam langsung');
    await page.close();
  });
});
