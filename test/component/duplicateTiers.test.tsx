import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderUi } from './render';

// only the transport is replaced: every call goes to the real handlers over a real SQLite file (realTransport.ts)
vi.mock('../../renderer/src/api/client', () => import('./realTransport').then((m) => m.client));
const { backend } = await import('./realTransport');

const { DuplicatesScreen } = await import('../../renderer/src/screens/duplicates/DuplicatesScreen');

/** Pairs of programs of two OPDs, from near-certain duplicates to look-alikes that share one service and nothing else. */
const PAIRS = [
  ['E-Parkir', 'Parkir Elektronik Non Tunai'],
  ['Aplikasi Absensi ASN', 'Presensi Online Pegawai'],
  ['Aplikasi Antrian Online Puskesmas', 'Sistem Antrean Daring Puskesmas'],
  ['Kartu Tani Digital', 'Sistem Informasi Pupuk Bersubsidi'],
  ['Pengolahan Sampah Organik Pasar Menjadi Kompos', 'Teba Modern: Pengolahan Sampah Organik Rumah Tangga'],
  ['Sistem Informasi Keluarga dan Kampung KB Digital', 'Kampung Digital Berbasis Banjar'],
  ['Early Warning System Banjir', 'Sistem Pemantauan Tinggi Muka Air Sungai'],
];

describe('duplicate review: likely duplicates, then possible ones', () => {
  it('marks the possible clusters after a divider, counts both tiers, and shows the likely ones alone on request', async () => {
    const dinkes = backend.opdId('Dinkes'), dishub = backend.opdId('Dishub');
    for (const [a, b] of PAIRS) { backend.createProgram({ leadOpdId: dinkes, title: a! }); backend.createProgram({ leadOpdId: dishub, title: b! }); }
    const answer = await backend.call('duplicates.clusters', { limit: 100 }) as { clusters: { likely: boolean }[]; counts: { likely: number; all: number } };
    // the pairs above give both tiers (else this test proves nothing)
    expect(answer.counts.likely).toBeGreaterThan(0);
    expect(answer.counts.all).toBeGreaterThan(answer.counts.likely);

    const user = userEvent.setup();
    renderUi(<DuplicatesScreen />);
    await waitFor(() => expect(screen.getAllByTestId('dup-cluster').length).toBe(answer.counts.all), { timeout: 10_000 });
    const cards = screen.getAllByTestId('dup-cluster');
    const possible = cards.map((c) => within(c).getByTestId('dup-strength').hasAttribute('data-possible'));
    expect(possible).toEqual(answer.clusters.map((c) => !c.likely));
    expect(within(cards.at(-1)!).getByTestId('dup-strength').textContent).toMatch(/^mungkin duplikat \d+%$/);
    expect(within(cards[0]!).getByTestId('dup-strength').textContent).toMatch(/^peluang duplikat \d+%$/);
    // one divider, right before the first possible cluster, saying from which probability a duplicate is likely
    const divider = screen.getByTestId('dup-possible-divider');
    expect(divider.textContent).toContain('Mungkin duplikat: peluangnya di bawah 60%');
    expect(divider.compareDocumentPosition(cards[answer.counts.likely]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(divider.compareDocumentPosition(cards[answer.counts.likely - 1]!) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(screen.getByText(`Semua (${answer.counts.all})`)).toBeTruthy();

    await user.click(screen.getByText(`Kemungkinan besar (${answer.counts.likely})`));
    await waitFor(() => expect(screen.getAllByTestId('dup-cluster').length).toBe(answer.counts.likely), { timeout: 10_000 });
    expect(screen.queryByTestId('dup-possible-divider')).toBeNull();
    expect(screen.getAllByTestId('dup-strength').every((b) => !b.hasAttribute('data-possible'))).toBe(true);
  });
});
