import { describe, expect, it, vi, beforeEach } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderUi } from './render';

// The transport is the one thing replaced here: these tests are about the form's keyboard logic and what it sends.
const calls: { name: string; input: unknown }[] = [];
vi.mock('../../renderer/src/api/client', () => ({
  call: vi.fn(async (name: string, input: unknown) => { calls.push({ name, input }); return { id: 'p1' }; }),
  ApiError: class ApiError extends Error {},
}));

const { QuickAddForm } = await import('../../renderer/src/screens/capture/QuickAddForm');
const { matchOption } = await import('../../renderer/src/components/TypeaheadSelect');

beforeEach(() => { calls.length = 0; });

describe('quick add: keyboard only', () => {
  it('title → Tab → element by type-ahead → … → budget "1,5 M" → Enter sends one program and returns to the title', async () => {
    const user = userEvent.setup();
    const onAdded = vi.fn();
    renderUi(<QuickAddForm opdId="opd1" presentationId="pres1" onAdded={onAdded} />);
    const title = screen.getByTestId('qa-title');
    await user.click(title);
    await user.keyboard('Aplikasi Antrean Puskesmas{Tab}keseh');
    await user.keyboard('{Tab}');
    expect((screen.getByTestId('qa-element') as HTMLInputElement).value).toBe('Prasarana kesehatan');
    await user.keyboard('quick{Tab}2019{Tab}2020{Tab}1,5 M');
    expect(screen.getByText('Rp 1.500.000.000')).toBeTruthy();
    await user.keyboard('{Tab}apbd{Tab}');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toEqual({
      name: 'program.create',
      input: { fields: { leadOpdId: 'opd1', presentationId: 'pres1', title: 'Aplikasi Antrean Puskesmas', element: 'health', horizon: 'quick-win', startYear: 2019, endYear: 2020, budget: 1_500_000_000, funding: 'apbd' } },
    });
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect((title as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(title);
  });

  it('refuses "abc" as a budget in place, with a sentence, and sends nothing', async () => {
    const user = userEvent.setup();
    renderUi(<QuickAddForm opdId="opd1" presentationId="pres1" onAdded={() => {}} />);
    await user.type(screen.getByTestId('qa-title'), 'Smart Parking');
    await user.type(screen.getByTestId('qa-budget'), 'abc');
    expect(screen.getByText(/Anggaran tidak terbaca/)).toBeTruthy();
    await user.keyboard('{Enter}');
    expect(calls).toHaveLength(0);
    expect((screen.getByTestId('qa-title') as HTMLInputElement).value).toBe('Smart Parking');
  });

  it('an empty title is refused in place; end year before start year too', async () => {
    const user = userEvent.setup();
    renderUi(<QuickAddForm opdId="opd1" presentationId="pres1" onAdded={() => {}} />);
    await user.click(screen.getByTestId('qa-title'));
    await user.keyboard('{Enter}');
    expect(screen.getByText('Judul program wajib diisi.')).toBeTruthy();
    await user.type(screen.getByTestId('qa-title'), 'E-Office');
    await user.type(screen.getByTestId('qa-start'), '2024');
    await user.type(screen.getByTestId('qa-end'), '2020{Enter}');
    expect(screen.getByText(/tidak boleh sebelum/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('keeps the draft across a reload of the component (crash safety)', async () => {
    const user = userEvent.setup();
    const first = renderUi(<QuickAddForm opdId="opd1" presentationId="pres9" onAdded={() => {}} />);
    await user.type(screen.getByTestId('qa-title'), 'Smart River Walk ᬢᬸᬓᬤ᭄ 🌊');
    first.unmount();
    renderUi(<QuickAddForm opdId="opd1" presentationId="pres9" onAdded={() => {}} />);
    expect((screen.getByTestId('qa-title') as HTMLInputElement).value).toBe('Smart River Walk ᬢᬸᬓᬤ᭄ 🌊');
  });
});

describe('type-ahead matching', () => {
  it('matches word prefixes of the label, group and keywords, ignoring accents and case', () => {
    const o = { value: 'health', label: 'Prasarana kesehatan', group: 'Smart Living', keywords: 'Health facilities' };
    expect(matchOption(o, 'keseh')).toBe(true);
    expect(matchOption(o, 'living pras')).toBe(true);
    expect(matchOption(o, 'HEALTH')).toBe(true);
    expect(matchOption(o, 'sehat')).toBe(false);
  });
});
