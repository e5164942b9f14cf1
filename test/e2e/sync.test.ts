/** Two laptops (two browser-harness servers with their own data folders) capture, exchange files, clash on one
 * description, see the conflict, resolve it, and end with the same text. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startHarness } from '../helpers/webHarness';
import { tmpDir } from '../helpers/tmp';

type Harness = Awaited<ReturnType<typeof startHarness>>;
let a: Harness, b: Harness;
let browser: Browser;
const dirs: string[] = [];
const files = tmpDir();

beforeAll(async () => {
  for (let i = 0; i < 2; i++) dirs.push(fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), `rembuk-sync-e2e-${i}-`)));
  a = await startHarness(dirs[0]!);
  b = await startHarness(dirs[1]!);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await a?.stop(); await b?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function profile(page: Page, name: string) {
  await page.getByTestId('profile-name').fill(name);
  await page.getByTestId('profile-institution').fill('Tim Pendamping');
  await page.keyboard.press('Enter');
}

async function exportTo(page: Page, name: string): Promise<string> {
  await page.keyboard.press('Alt+5');
  const download = page.waitForEvent('download');
  await page.getByTestId('sync-export').click();
  const file = path.join(files, name);
  await (await download).saveAs(file);
  return file;
}

async function importFile(page: Page, file: string) {
  await page.keyboard.press('Alt+5');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('sync-import').click();
  await (await chooser).setFiles(file);
  await page.getByTestId('sync-preview').waitFor();
  await page.getByTestId('sync-apply').click();
  await page.getByTestId('sync-preview').waitFor({ state: 'detached' });
}

async function setDescription(page: Page, title: string, text: string) {
  await page.keyboard.press('Alt+2');
  await page.getByTestId('programs-search').fill(title);
  await expect.poll(() => page.getByTestId('program-row').count()).toBe(1);
  await page.getByTestId('program-row').first().click();
  const desc = page.getByTestId('program-description');
  await desc.fill(text);
  await desc.blur();
  await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
  await page.keyboard.press('Escape');
}

async function description(page: Page, title: string): Promise<string> {
  await page.keyboard.press('Alt+2');
  await page.getByTestId('programs-search').fill(title);
  await expect.poll(() => page.getByTestId('program-row').count()).toBe(1);
  await page.getByTestId('program-row').first().click();
  const v = await page.getByTestId('program-description').inputValue();
  await page.keyboard.press('Escape');
  return v;
}

describe('two laptops, one masterplan', () => {
  it('capture on both, exchange, clash, resolve, converge', async () => {
    const pa = await browser.newPage({ viewport: { width: 1440, height: 960 }, acceptDownloads: true } as never);
    const pb = await browser.newPage({ viewport: { width: 1440, height: 960 }, acceptDownloads: true } as never);
    // A creates the masterplan and captures one program
    await pa.goto(a.url);
    await profile(pa, 'Ayu (laptop A)');
    await pa.getByTestId('create-region').fill('Denpasar');
    await pa.getByTestId('create-submit').click();
    await expect.poll(() => pa.getByTestId('masterplan-title').textContent()).toBe('Masterplan Smart City Kota Denpasar');
    await pa.keyboard.press('Alt+1');
    await pa.getByTestId('create-session-4').click();
    await pa.getByTestId('agenda-item').filter({ hasText: 'Dinkes' }).click();
    await pa.getByTestId('qa-title').fill('Telemedisin Puskesmas');
    await pa.keyboard.press('Enter');
    await expect.poll(() => pa.getByTestId('captured-program').count()).toBe(1);
    const first = await exportTo(pa, 'a1.rembuk');

    // B joins from A's file on its start screen, and captures one program of its own
    await pb.goto(b.url);
    await profile(pb, 'Made (laptop B)');
    const chooser = pb.waitForEvent('filechooser');
    await pb.getByTestId('start-join').click();
    await (await chooser).setFiles(first);
    await expect.poll(() => pb.getByTestId('masterplan-title').textContent()).toBe('Masterplan Smart City Kota Denpasar');
    await pb.keyboard.press('Alt+1');
    await pb.getByTestId('agenda-item').filter({ hasText: 'Dishub' }).click();
    await pb.getByTestId('qa-title').fill('Smart Parking');
    await pb.keyboard.press('Enter');
    await expect.poll(() => pb.getByTestId('captured-program').count()).toBe(1);

    // both edit the same description, concurrently
    await setDescription(pa, 'Telemedisin', 'Konsultasi jarak jauh dokter puskesmas (versi Ayu)');
    await setDescription(pb, 'Telemedisin', 'Layanan telekonsultasi untuk pustu (versi Made)');

    // A's work reaches B: the clash shows in B's conflict panel
    await importFile(pb, await exportTo(pa, 'a2.rembuk'));
    await expect.poll(() => pb.getByTestId('conflict').count()).toBe(1);
    const sides = [await pb.getByTestId('conflict-current').textContent(), await pb.getByTestId('conflict-other').textContent()].join(' ');
    expect(sides).toContain('versi Ayu');
    expect(sides).toContain('versi Made');
    await pb.screenshot({ path: path.resolve('test-results/sync-conflict.png') });

    // B merges the two texts and resolves
    await pb.getByTestId('conflict-merge').click();
    await pb.getByTestId('conflict-merge-text').fill('Konsultasi jarak jauh dokter puskesmas dan pustu (gabungan)');
    await pb.getByTestId('conflict-save-merge').click();
    await expect.poll(() => pb.getByTestId('conflict').count()).toBe(0);

    // B's file reaches A: same text on both, no open conflict, and A has B's program too
    await importFile(pa, await exportTo(pb, 'b1.rembuk'));
    await expect.poll(() => pa.getByTestId('conflict').count()).toBe(0);
    expect(await description(pa, 'Telemedisin')).toBe('Konsultasi jarak jauh dokter puskesmas dan pustu (gabungan)');
    expect(await description(pb, 'Telemedisin')).toBe('Konsultasi jarak jauh dokter puskesmas dan pustu (gabungan)');
    await pa.getByTestId('programs-search').fill('');
    await expect.poll(() => pa.getByTestId('program-row').count()).toBe(2);

    // importing the same file again: nothing new
    await pa.keyboard.press('Alt+5');
    const again = pa.waitForEvent('filechooser');
    await pa.getByTestId('sync-import').click();
    await (await again).setFiles(path.join(files, 'b1.rembuk'));
    await pa.getByTestId('sync-nothing-new').waitFor();
    await pa.close(); await pb.close();
  });
});
