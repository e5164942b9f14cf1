import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderUi } from './render';

// only the transport is replaced: every call goes to the real handlers over a real SQLite file (realTransport.ts)
vi.mock('../../renderer/src/api/client', () => import('./realTransport').then((m) => m.client));
const { backend } = await import('./realTransport');

const { DuplicatesScreen } = await import('../../renderer/src/screens/duplicates/DuplicatesScreen');
const { QuickAddForm } = await import('../../renderer/src/screens/capture/QuickAddForm');

describe('why two look-alike programs were scored lower', () => {
  it('the review card and the as-you-type list say which activities set the titles apart; a plain duplicate says nothing', async () => {
    const dkis = backend.opdId('DKIS'), dinkes = backend.opdId('Dinkes'), rsud = backend.opdId('RSUD Wangaya');
    const training = backend.createProgram({ leadOpdId: dkis, title: 'Pelatihan Operator Command Center Kota Denpasar' });
    backend.createProgram({ leadOpdId: dinkes, title: 'Renovasi Gedung Command Center Kota Denpasar' });
    // two OPDs describing the same work in the same sentence, their titles naming different activities
    const work = 'Penanaman, pemetaan dan pemantauan kawasan mangrove Tahura Ngurah Rai sebagai ekowisata pesisir.';
    backend.createProgram({ leadOpdId: dkis, title: 'Pendataan Mangrove Ekowisata Pesisir Tahura', description: work });
    backend.createProgram({ leadOpdId: dinkes, title: 'Rehabilitasi Mangrove Ekowisata Pesisir Tahura', description: work });
    backend.createProgram({ leadOpdId: dinkes, title: 'Aplikasi Antrian Online Puskesmas' });
    backend.createProgram({ leadOpdId: rsud, title: 'Sistem Antrean Daring Puskesmas' });

    // the review: the mangrove data / rehabilitation pair (one description) is a likely duplicate that names different activities, the
    // queue pair a plain one; the training / renovation pair is no likely duplicate (the model knows a training named
    // on one side), so it has no card
    const view = renderUi(<DuplicatesScreen />);
    await waitFor(() => expect(screen.getAllByTestId('dup-cluster').length).toBe(2), { timeout: 10_000 });
    const [mangrove, queue] = ['Pendataan Mangrove', 'Antrian Online'].map((w) => screen.getAllByTestId('dup-cluster').find((c) => c.textContent!.includes(w))!);
    const hint = within(mangrove!).getByTestId('dup-apart');
    expect(hint.textContent).toMatch(/^Kegiatan berbeda: (pendataan vs renovasi atau konstruksi|renovasi atau konstruksi vs pendataan) — skor diturunkan, mungkin saling melengkapi$/);
    expect(hint.getAttribute('title')).toMatch(/dibagi dua/);
    // the explanation is reachable without a mouse: the hint is described by it
    expect(document.getElementById(hint.getAttribute('aria-describedby')!)?.textContent).toMatch(/^Kedua program menyebut hal yang berbeda/);
    expect(within(queue!).queryByTestId('dup-apart')).toBeNull();
    view.unmount();

    renderUi(<QuickAddForm opdId={dinkes} presentationId={await backend.presentationOf(dinkes)} onAdded={() => {}} onOpenSimilar={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('qa-title'));
    await user.keyboard('Renovasi Ruang Command Center Kota Denpasar');
    const item = await waitFor(() => screen.getAllByTestId('similar-item').find((i) => i.getAttribute('data-program-id') === training)!, { timeout: 3000 });
    expect(within(item).getByTestId('similar-apart').textContent).toBe('Kegiatan berbeda: renovasi atau konstruksi vs pelatihan atau sosialisasi — skor diturunkan, mungkin saling melengkapi');
  }, 60_000);
});
