/** End to end (issue 3): in the browser harness, write a narrative section, switch a setting, click "Ekspor Word",
 * see the progress bar on the way, and download a Word file that python-docx reads; then the same for Excel. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../../electron/core/config/appConfig';
import { createDemo } from '../../electron/core/demo/createDemo';
import { MasterplanDb } from '../../electron/core/db/masterplanDb';
import { useHarness } from '../helpers/webHarness';
import { tmpDir } from '../helpers/tmp';
import { chapter, readDocx } from '../helpers/exportCheck';

const SHOTS = path.resolve('test-results');
let demo = '';
const env = useHarness('rembuk-e2e-export-', (dataDir) => {
  const config = new AppConfig(dataDir);
  config.setProfile('Ni Luh Putu Ayu Lestari', 'Kominfo');
  demo = path.join(dataDir, 'demo.sqlite');
  createDemo(demo, config.get().installationId).close();
  config.touchRecent(demo, 'Masterplan Smart City Kota Denpasar 2019–2028');
  fs.mkdirSync(SHOTS, { recursive: true });
});

describe('export in the browser harness', () => {
  it('writes the narrative, exports Word with a progress bar, and downloads the file', async () => {
    const { page, errors } = await env.open({ height: 960, acceptDownloads: true });
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toContain('Denpasar');

    await page.keyboard.press('Alt+6');
    await page.getByTestId('narrative-background').fill('Denpasar menuju kota cerdas berwawasan budaya.\n- layanan publik terpadu\n- **data** terbuka');
    await expect.poll(() => page.locator('[data-testid=swot-grid] textarea').count()).toBe(4);
    await page.getByTestId('narrative-swot_s').fill('Budaya Bali yang kuat');
    await page.getByTestId('narrative-swot_s').blur();
    await page.waitForFunction("document.querySelector('[data-testid=save-state]')?.getAttribute('data-state') === 'saved'", undefined, { timeout: 10_000 });
    await page.getByTestId('export-paper').getByText('F4/Folio (215 × 330 mm)').click();

    // watch the progress bar from inside the page, so even a quick export is seen on the way
    await page.evaluate(`(() => {
      window.seen = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid=export-phase]');
        const bar = document.querySelector('[data-testid=export-progress]');
        if (el && bar) window.seen.push(el.getAttribute('data-phase') || '');
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    await page.getByTestId('export-docx').click();
    await expect.poll(() => page.getByTestId('export-phase').getAttribute('data-phase'), { timeout: 60_000 }).toBe('done');
    const seen = (await page.evaluate('window.seen')) as string[];
    expect(seen.some((p) => ['queued', 'load', 'build', 'write'].includes(p))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'export-done.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(tmpDir(), download.suggestedFilename());
    await download.saveAs(file);
    const doc = readDocx(file);
    expect(doc.sections[0]).toMatchObject({ width_mm: 215, height_mm: 330 });
    expect(chapter(doc, 'BAB I ').map((b) => b.text)).toEqual(expect.arrayContaining(['Denpasar menuju kota cerdas berwawasan budaya.', 'layanan publik terpadu', 'data terbuka']));
    expect(chapter(doc, 'BAB II').find((b) => b.t === 'table')!.rows![0]![0]).toContain('Budaya Bali yang kuat');
    const mp = MasterplanDb.open(demo, { installationId: 'x', readonly: true });
    const programs = mp.prepare("SELECT count(*) FROM program WHERE deleted = 0 AND status <> 'dropped'").pluck().get() as number;
    mp.close();
    const rows = chapter(doc, 'BAB IV').filter((b) => b.t === 'table').flatMap((t) => t.rows!.slice(1).filter((r) => /^\d+$/.test(r[0]!)));
    expect(rows.length).toBe(programs);

    // Excel too, into the data folder's exports/
    await page.getByTestId('export-xlsx').click();
    await expect.poll(async () => (await page.getByTestId('export-phase').textContent()) ?? '', { timeout: 60_000 }).toMatch(/\.xlsx$/);
    expect(fs.readdirSync(path.join(env.dataDir, 'exports')).filter((f) => f.endsWith('.xlsx')).length).toBe(1);
    expect(errors).toEqual([]);
  });
});
