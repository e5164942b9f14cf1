import { describe, expect, it, vi, beforeEach } from 'vitest';

// The transport is replaced: these tests are about what the autosave queue sends, when, and what it keeps.
const sent: { name: string; input: unknown }[] = [];
let failNext: null | { code: string; message: string; field?: string } = null;
vi.mock('../../renderer/src/api/client', () => {
  class ApiError extends Error {
    constructor(readonly payload: { code: string; message: string; field?: string }) { super(payload.message); }
    get code() { return this.payload.code; }
    get field() { return this.payload.field; }
  }
  return {
    ApiError,
    call: vi.fn(async (name: string, input: unknown) => {
      if (failNext) { const f = failNext; failNext = null; throw new ApiError(f); }
      sent.push({ name, input });
      return {};
    }),
  };
});

const { useAutosave, replayJournal, setJournalOwner } = await import('../../renderer/src/store/autosave');

beforeEach(() => { sent.length = 0; failNext = null; localStorage.clear(); useAutosave.setState({ pending: {}, errors: {}, inFlight: 0, failed: false }); });

describe('autosave queue', () => {
  it('merges edits of one row into one update and journals them until confirmed', async () => {
    setJournalOwner('mp1');
    const s = useAutosave.getState();
    s.edit('program', 'p1', 'title', 'Smart Parking');
    s.edit('program', 'p1', 'budget', 250_000_000);
    expect(JSON.parse(localStorage.getItem('rembuk.pendingEdits.mp1')!)).toEqual({ 'program:p1': { entity: 'program', id: 'p1', patch: { title: 'Smart Parking', budget: 250_000_000 } } });
    await useAutosave.getState().flush();
    expect(sent).toEqual([{ name: 'program.update', input: { id: 'p1', patch: { title: 'Smart Parking', budget: 250_000_000 } } }]);
    expect(localStorage.getItem('rembuk.pendingEdits.mp1')).toBeNull();
  });

  it('replays edits journaled before a crash, only into their own masterplan', async () => {
    localStorage.setItem('rembuk.pendingEdits.mp7', JSON.stringify({ 'presentation:x1': { entity: 'presentation', id: 'x1', patch: { summary: 'Catatan yang belum terkirim 🌊' } } }));
    expect(await replayJournal('mp8')).toBe(0);
    expect(sent).toEqual([]);
    expect(await replayJournal('mp7')).toBe(1);
    expect(sent).toEqual([{ name: 'presentation.update', input: { id: 'x1', patch: { summary: 'Catatan yang belum terkirim 🌊' } } }]);
    expect(localStorage.getItem('rembuk.pendingEdits.mp7')).toBeNull();
  });

  it('a refused field gets its sentence, and the other fields of the same row are still saved', async () => {
    setJournalOwner('mp1');
    const s = useAutosave.getState();
    s.edit('program', 'p2', 'endYear', 2010);
    s.edit('program', 'p2', 'notes', 'tetap tersimpan');
    failNext = { code: 'YEAR_RANGE', message: 'Tahun/tanggal selesai tidak boleh sebelum tahun/tanggal mulai.', field: 'endYear' };
    await useAutosave.getState().flush();
    expect(useAutosave.getState().errors['program:p2:endYear']).toContain('tidak boleh sebelum');
    expect(sent).toEqual([{ name: 'program.update', input: { id: 'p2', patch: { notes: 'tetap tersimpan' } } }]);
  });

  it('when the backend cannot be reached, the edit stays queued and journaled', async () => {
    setJournalOwner('mp1');
    useAutosave.getState().edit('program', 'p3', 'title', 'Tidak boleh hilang');
    failNext = { code: 'INTERNAL', message: 'offline' };
    await useAutosave.getState().flush();
    expect(useAutosave.getState().failed).toBe(true);
    expect(useAutosave.getState().pending['program:p3']?.patch).toEqual({ title: 'Tidak boleh hilang' });
    expect(localStorage.getItem('rembuk.pendingEdits.mp1')).toContain('Tidak boleh hilang');
  });
});
