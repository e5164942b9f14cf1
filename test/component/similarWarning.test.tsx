import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderUi } from './render';

// only the transport is replaced: every call goes to the real handlers over a real SQLite file (realTransport.ts)
vi.mock('../../renderer/src/api/client', () => import('./realTransport').then((m) => m.client));
const { backend, calls } = await import('./realTransport');

const { QuickAddForm } = await import('../../renderer/src/screens/capture/QuickAddForm');

describe('as-you-type duplicate warning in quick add', () => {
  it('typing a title close to another OPD\'s program shows it (OPD, dimension, similarity) right after the keystroke burst; Alt+L links it on add, Alt+O opens it', async () => {
    const dinkes = backend.opdId('Dinkes'), rsud = backend.opdId('RSUD Wangaya');
    const other = { id: backend.createProgram({ leadOpdId: dinkes, title: 'Aplikasi Antrian Online Puskesmas', element: 'health' }) };
    backend.createProgram({ leadOpdId: backend.opdId('Dishub'), title: 'Area Traffic Control System' });
    const presentationId = await backend.presentationOf(rsud);
    const opened: string[] = [];
    const user = userEvent.setup();
    renderUi(<QuickAddForm opdId={rsud} presentationId={presentationId} onAdded={() => {}} onOpenSimilar={(p) => opened.push(p.id)} />);
    await user.click(screen.getByTestId('qa-title'));
    await user.keyboard('Sistem Antrean Daring Puskesmas');
    const burstEnd = Date.now();
    const item = await waitFor(() => screen.getAllByTestId('similar-item')[0]!, { timeout: 2000, interval: 10 });
    console.log(`similar program shown ${Date.now() - burstEnd} ms after the last keystroke of the burst (debounce ${120} ms)`);
    expect(item.getAttribute('data-program-id')).toBe(other.id);
    expect(within(item).getByText('Aplikasi Antrian Online Puskesmas')).toBeTruthy();
    expect(within(item).getByText(/Dinkes · Smart Living/)).toBeTruthy();
    expect(within(item).getByRole('progressbar').getAttribute('aria-label')).toMatch(/kemiripan \d+%/);
    // why: the service both name, from the concept catalogue
    expect(within(item).getByTestId('similar-service').textContent).toBe('Layanan yang sama: Antrean/pendaftaran online puskesmas');
    expect(screen.queryByText('Area Traffic Control System')).toBeNull();
    // debounced: far fewer queries than keystrokes
    expect(calls.filter((c) => c.name === 'similar.query').length).toBeLessThan(10);
    // the title kept every keystroke
    expect((screen.getByTestId('qa-title') as HTMLInputElement).value).toBe('Sistem Antrean Daring Puskesmas');

    await user.keyboard('{Alt>}o{/Alt}');
    expect(opened).toEqual([other.id]);
    await user.keyboard('{Alt>}l{/Alt}');
    expect(within(item).getByText('akan ditautkan')).toBeTruthy();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(calls.map((c) => c.name)).toContain('synergy.link'));
    const links = backend.all('SELECT program_a_id, program_b_id, kind FROM synergy WHERE deleted = 0') as { program_a_id: string; program_b_id: string; kind: string }[];
    expect(links).toHaveLength(1);
    expect([links[0]!.program_a_id, links[0]!.program_b_id]).toContain(other.id);
    expect(links[0]!.kind).toBe('complementary');
  }, 60_000);

  it('marks a likely duplicate and a possible one, each with its own badge, as the model judges them', async () => {
    const dinkes = backend.opdId('Dinkes'), dishub = backend.opdId('Dishub');
    for (const title of ['E-Parkir', 'Kartu Tani Digital', 'Pengolahan Sampah Organik Pasar Menjadi Kompos', 'Aplikasi Absensi ASN']) backend.createProgram({ leadOpdId: dishub, title });
    const texts = ['Parkir Elektronik Non Tunai', 'Sistem Informasi Pupuk Bersubsidi', 'Teba Modern: Pengolahan Sampah Organik Rumah Tangga', 'Presensi Online Pegawai'];
    // what the model says of each text's best match (the backend's own answer), so that the badges can be checked
    const best = await Promise.all(texts.map(async (text) => ((await backend.call('similar.query', { text, opdId: dinkes, limit: 5 })) as { title: string; likelyDuplicate: boolean; possibleDuplicate: boolean }[])[0]!));
    const likely = texts.findIndex((_, i) => best[i]!.likelyDuplicate), possible = texts.findIndex((_, i) => best[i]!.possibleDuplicate);
    // the texts give both kinds (else this test proves nothing)
    expect(likely).toBeGreaterThanOrEqual(0);
    expect(possible).toBeGreaterThanOrEqual(0);
    const presentationId = await backend.presentationOf(dinkes);
    const user = userEvent.setup();
    for (const [k, badge, other] of [[likely, 'similar-likely', 'similar-possible'], [possible, 'similar-possible', 'similar-likely']] as const) {
      const { unmount } = renderUi(<QuickAddForm opdId={dinkes} presentationId={presentationId} onAdded={() => {}} onOpenSimilar={() => {}} />);
      // the form keeps its draft across renders (crash safety): start from an empty title
      await user.clear(screen.getByTestId('qa-title'));
      await user.keyboard(texts[k]!);
      // the list settles on the whole text's answer (a half-typed word can give another probability on the way)
      const item = await waitFor(() => {
        const first = screen.getAllByTestId('similar-item')[0]!;
        expect(within(first).getByText(best[k]!.title)).toBeTruthy();
        expect(within(first).queryByTestId(badge)).not.toBeNull();
        return first;
      }, { timeout: 3000 });
      expect(within(item).getByTestId(badge).textContent).toBe(badge === 'similar-likely' ? 'kemungkinan duplikat' : 'mungkin duplikat');
      expect(within(item).queryByTestId(other)).toBeNull();
      unmount();
    }
  }, 60_000);
});
