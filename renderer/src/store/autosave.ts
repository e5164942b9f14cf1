/** Autosave: every field edit is queued, sent after a short pause (or at once on blur), and journaled in
 * localStorage until the backend confirms it, so a crash or a closed window never loses a word: unconfirmed edits
 * are sent again at the next start. The store exposes a saving / saved / error state for the indicator. */
import { create } from 'zustand';
import type { OperationName } from '../../../shared/api/operations';
import { ApiError, call } from '../api/client';

export type SavableEntity = 'program' | 'opd' | 'session' | 'presentation' | 'masterplan'
  // --- export (issue 3) ---
  | 'narrative' | 'exportSettings';
const UPDATE_OP: Record<SavableEntity, OperationName> = {
  program: 'program.update', opd: 'opd.update', session: 'session.update', presentation: 'presentation.update', masterplan: 'masterplan.update',
  // --- export (issue 3) ---
  narrative: 'narrative.update', exportSettings: 'export.saveSettings',
};

interface Pending { entity: SavableEntity; id: string; patch: Record<string, unknown> }
const DEBOUNCE_MS = 400;
/** Failures that pass (disk full, file locked or read-only, backend unreachable): the edit stays queued and journaled,
 * and is sent again until it is saved. */
const TRANSIENT = new Set(['INTERNAL', 'DISK_FULL', 'FILE_LOCKED', 'FILE_READONLY', 'FOLDER_READONLY']);
const JOURNAL_KEY = 'rembuk.pendingEdits';

interface AutosaveStore {
  pending: Record<string, Pending>; // by entity:id
  inFlight: number;
  errors: Record<string, string>; // by entity:id:field
  lastSavedAt: number | null;
  failed: boolean;
  /** The sentence of the last transient failure, shown with the saving badge. */
  failure: string | null;
  edit(entity: SavableEntity, id: string, field: string, value: unknown): void;
  flush(key?: string, opts?: { keepalive?: boolean }): Promise<void>;
  clearError(entity: SavableEntity, id: string, field: string): void;
  setError(entity: SavableEntity, id: string, field: string, message: string): void;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
let afterSave: (() => void) | null = null;
/** Called after each confirmed save (the app reloads what depends on it). */
export function onSaved(fn: () => void) { afterSave = fn; }

/** Which masterplan the journaled edits belong to (they are only replayed into that one). */
let journalOwner: string | null = null;
export function setJournalOwner(masterplanId: string | null) { journalOwner = masterplanId; }
const journalKey = () => `${JOURNAL_KEY}.${journalOwner ?? 'none'}`;

function writeJournal(pending: Record<string, Pending>) {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(journalKey());
    else localStorage.setItem(journalKey(), JSON.stringify(pending));
  } catch { /* storage full: the edit is still in memory and sent shortly */ }
}

export const useAutosave = create<AutosaveStore>((set, get) => ({
  pending: {},
  inFlight: 0,
  errors: {},
  lastSavedAt: null,
  failed: false,
  failure: null,

  edit(entity, id, field, value) {
    const key = `${entity}:${id}`;
    const cur = get().pending[key];
    const pending = { ...get().pending, [key]: { entity, id, patch: { ...(cur?.patch ?? {}), [field]: value } } };
    const errors = { ...get().errors };
    delete errors[`${key}:${field}`];
    set({ pending, errors });
    writeJournal(pending);
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void get().flush(key), DEBOUNCE_MS));
  },

  async flush(only, opts = {}) {
    const keys = only ? [only] : Object.keys(get().pending);
    await Promise.all(keys.map(async (key) => {
      const job = get().pending[key];
      clearTimeout(timers.get(key));
      timers.delete(key);
      if (!job) return;
      const rest = { ...get().pending };
      delete rest[key];
      set((s) => ({ pending: rest, inFlight: s.inFlight + 1 }));
      try {
        await call(UPDATE_OP[job.entity], { id: job.id, patch: job.patch } as never, opts);
        writeJournal({ ...get().pending });
        set((s) => ({ inFlight: s.inFlight - 1, lastSavedAt: Date.now(), failed: false, failure: null }));
        afterSave?.();
      } catch (e) {
        const err = e instanceof ApiError ? e : null;
        if (err && !TRANSIENT.has(err.code)) {
          // The backend refused this value (with a sentence): show it on the field; the other fields of the patch
          // are retried without it so they are not held hostage.
          const field = err.field ?? Object.keys(job.patch)[0]!;
          const retry = { ...job.patch };
          delete retry[field];
          set((s) => ({ inFlight: s.inFlight - 1, errors: { ...s.errors, [`${key}:${field}`]: err.message } }));
          if (Object.keys(retry).length > 0 && field in job.patch) {
            const merged = { ...retry, ...(get().pending[key]?.patch ?? {}) };
            set((s) => ({ pending: { ...s.pending, [key]: { ...job, patch: merged } } }));
            await get().flush(key, opts);
          }
          writeJournal(get().pending);
        } else {
          // Backend unreachable: keep the edit queued (and journaled) and try again.
          set((s) => ({ inFlight: s.inFlight - 1, failed: true, failure: err?.message ?? null, pending: { ...s.pending, [key]: { ...job, patch: { ...job.patch, ...(s.pending[key]?.patch ?? {}) } } } }));
          writeJournal(get().pending);
          timers.set(key, setTimeout(() => void get().flush(key), 3000));
        }
      }
    }));
  },

  clearError(entity, id, field) {
    const errors = { ...get().errors };
    delete errors[`${entity}:${id}:${field}`];
    set({ errors });
  },
  setError(entity, id, field, message) {
    set((s) => ({ errors: { ...s.errors, [`${entity}:${id}:${field}`]: message } }));
  },
}));

/** Sends edits to this masterplan that were journaled but never confirmed (the window closed or crashed first). */
export async function replayJournal(masterplanId: string): Promise<number> {
  setJournalOwner(masterplanId);
  let stored: Record<string, Pending>;
  try { stored = JSON.parse(localStorage.getItem(journalKey()) ?? '{}') as Record<string, Pending>; } catch { stored = {}; }
  const entries = Object.values(stored).filter((p) => p && p.entity in UPDATE_OP && typeof p.id === 'string');
  if (entries.length === 0) return 0;
  useAutosave.setState({ pending: Object.fromEntries(entries.map((p) => [`${p.entity}:${p.id}`, p])) });
  await useAutosave.getState().flush();
  return entries.length;
}

/** Flushes on page hide / unload (browser) — the desktop shell asks through app.flushRequested. */
export function installFlushOnExit(): void {
  const flush = () => { void useAutosave.getState().flush(undefined, { keepalive: true }); };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
}
