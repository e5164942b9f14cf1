/** 10,000 programs in the browser: the programs view stays a virtual list (few DOM rows), scrolls to the end,
 * and searches, against a real file built through the write path. */
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/core/workspace';
import { DEMO_PROGRAMS } from '../../electron/core/demo/demoData';
import { uuidv7 } from '../../electron/core/ids';
import type { RowChange } from '../../electron/core/db/masterplanDb';
import { useHarness } from '../helpers/webHarness';

const N = 10_000;
const env = useHarness('rembuk-scale-', (dataDir) => {
  const ws = new Workspace({ dataDir, version: 'test', canPickFiles: false });
  ws.saveProfile('Made Wirawan', 'Bappeda');
  ws.create({ regionName: 'Denpasar', regionKind: 'kota', province: 'Bali', periodStart: 2019, periodEnd: 2028, opdTemplate: 'kota-denpasar-2021' });
  const mp = ws.require();
  const opds = mp.prepare('SELECT id FROM opd ORDER BY sort_order').pluck().all() as string[];
  const batch: RowChange[] = [];
  for (let i = 0; i < N; i++) {
    const d = DEMO_PROGRAMS[i % DEMO_PROGRAMS.length]!;
    batch.push({ entity: 'program', id: uuidv7(), set: { leadOpdId: opds[i % opds.length], title: `${d.title} #${i + 1}`, description: d.description, dimension: d.dimension, element: d.element, horizon: d.horizon, quickWin: d.quickWin, budget: d.budget, funding: d.funding, status: d.status } });
    if (batch.length === 2000) mp.write(batch.splice(0));
  }
  ws.close();
});

describe('programs view at 10,000 programs', () => {
  it('lists all of them as a virtual list, scrolls to the last, and searches', async () => {
    const { page } = await env.open();
    await expect.poll(() => page.getByTestId('masterplan-title').textContent()).toBe('Masterplan Smart City Kota Denpasar');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('programs-count').textContent(), { timeout: 20_000 }).toMatch(/^10000 program/);
    const domRows = await page.getByTestId('program-row').count();
    expect(domRows).toBeGreaterThan(10);
    expect(domRows).toBeLessThan(100);
    await page.getByTestId('programs-table').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    // the last OPD in the order is at the bottom (waited for: the virtual list renders the rows it scrolled to)
    await expect.poll(async () => (await page.getByTestId('program-row').allTextContents()).some((t) => /PD Pasar/.test(t))).toBe(true);
    await page.getByTestId('programs-search').fill('puskesmas');
    const count = async () => Number(/^(\d+)/.exec((await page.getByTestId('programs-count').textContent()) ?? '')?.[1]);
    await expect.poll(count).toBeLessThan(N);
    expect(await count()).toBeGreaterThan(0);
    expect(await page.getByTestId('program-row').first().textContent()).toMatch(/uskesmas/);
    await page.close();
  });
});
