import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderUi } from './render';

// only the transport is replaced: every call goes to the real handlers over a real SQLite file (realTransport.ts)
vi.mock('../../renderer/src/api/client', () => import('./realTransport').then((m) => m.client));
const { backend, calls } = await import('./realTransport');

const { DuplicatesScreen } = await import('../../renderer/src/screens/duplicates/DuplicatesScreen');

/** A made-up word per pair, so that the 130 pairs never resemble one another. */
function word(k: number, part: string): string {
  const letters = 'bcdfghjklmnprstvwz';
  return `${letters[k % 18]}a${letters[Math.floor(k / 18) % 18]}u${part}`;
}

describe('duplicate review with many clusters', () => {
  it('shows the strongest 100, says how many there are, and shows 30 more on request', async () => {
    const dinkes = backend.opdId('Dinkes'), dishub = backend.opdId('Dishub');
    for (let k = 0; k < 130; k++) {
      backend.createProgram({ leadOpdId: dinkes, title: `Sistem ${word(k, 'ri')} ${word(k, 'to')}` });
      backend.createProgram({ leadOpdId: dishub, title: `Aplikasi ${word(k, 'ri')} ${word(k, 'to')} Daring` });
    }
    const user = userEvent.setup();
    renderUi(<DuplicatesScreen />);
    await waitFor(() => expect(screen.getAllByTestId('dup-cluster').length).toBe(100), { timeout: 10_000 });
    expect(screen.getByTestId('dup-shown-of').textContent).toBe('Menampilkan 100 dari 130 kelompok; tangani yang teratas dulu.');
    expect(calls.filter((c) => c.name === 'duplicates.clusters').map((c) => c.input)).toEqual([{ limit: 100, scope: 'all' }]);
    await user.click(screen.getByTestId('dup-more'));
    await waitFor(() => expect(screen.getAllByTestId('dup-cluster').length).toBe(130), { timeout: 10_000 });
    expect(screen.queryByTestId('dup-more')).toBeNull();
    expect(screen.queryByTestId('dup-shown-of')).toBeNull();
  });
});
