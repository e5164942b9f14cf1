import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { Notifications } from '@mantine/notifications';

// The transport is replaced: this test is about what the window does with a .rembuk file handed over by the shell,
// at launch (app.takeOpenFile) and while running (the app.openFile event).
const listeners = new Map<string, (payload: unknown) => void>();
const calls: string[] = [];
vi.mock('../../renderer/src/api/client', () => ({
  ApiError: class ApiError extends Error {},
  isDesktop: () => true,
  onEvent: vi.fn((event: string, listener: (payload: unknown) => void) => { listeners.set(event, listener); return () => listeners.delete(event); }),
  call: vi.fn(async (name: string) => {
    calls.push(name);
    if (name === 'app.takeOpenFile') return { path: 'C:\\Users\\Budi\\Downloads\\Bimtek IV - Sari.rembuk' };
    if (name === 'app.state') return { version: '0.1.0', profile: null, language: 'id', recent: [], current: null, dataDir: '/tmp/x', canPickFiles: true };
    return {};
  }),
}));

const { renderUi } = await import('./render');
const { App } = await import('../../renderer/src/App');
const { useApp } = await import('../../renderer/src/store/app');

describe('a .rembuk file opened by double-click', () => {
  it('is taken once at launch, then received from a second launch: kept for the import preview and named in a notice', async () => {
    renderUi(<><Notifications /><App /></>);
    await waitFor(() => expect(useApp.getState().pendingImport).toEqual({ path: 'C:\\Users\\Budi\\Downloads\\Bimtek IV - Sari.rembuk' }));
    expect(calls.filter((c) => c === 'app.takeOpenFile')).toHaveLength(1);
    expect(await screen.findByText(/Bimtek IV - Sari\.rembuk menunggu untuk diimpor/)).toBeTruthy();

    listeners.get('app.openFile')!({ path: '/home/ani/kiriman/ani.rembuk' });
    await waitFor(() => expect(useApp.getState().pendingImport).toEqual({ path: '/home/ani/kiriman/ani.rembuk' }));
    expect(await screen.findByText(/^ani\.rembuk menunggu untuk diimpor/)).toBeTruthy();
  });
});
