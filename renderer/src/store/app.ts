/** App-wide state: what the backend says (profile, language, open masterplan), where the user is, and a data
 * version that screens watch to reload after a change. */
import { create } from 'zustand';
import type { AppState } from '../../../shared/api/schemas';
import { call } from '../api/client';
import { setUiLanguage } from '../i18n';

export type PendingImport = { file: File } | { path: string };
export type View = 'capture' | 'programs' | 'dashboard' | 'setup' | 'sync' | 'export' | 'duplicates';
const VIEW_KEY = 'rembuk.view';
const SESSION_KEY = 'rembuk.session';

interface AppStore {
  app: AppState | null;
  loadError: string | null;
  view: View;
  sessionId: string | null;
  dataVersion: number;
  /** A colleague's file waiting for its import preview: dropped on the window, or opened by double-click (a path). */
  pendingImport: PendingImport | null;
  setPendingImport(pending: PendingImport | null): void;
  refresh(): Promise<AppState | null>;
  setView(view: View): void;
  setSessionId(id: string | null): void;
  bump(): void;
}

const storedView = (): View => {
  const v = sessionStorage.getItem(VIEW_KEY);
  return v === 'programs' || v === 'dashboard' || v === 'setup' || v === 'sync' || v === 'export' || v === 'duplicates' ? v : 'capture';
};

export const useApp = create<AppStore>((set, get) => ({
  app: null,
  loadError: null,
  view: storedView(),
  sessionId: sessionStorage.getItem(SESSION_KEY),
  dataVersion: 0,
  pendingImport: null,
  setPendingImport(pendingImport) { set({ pendingImport }); },
  async refresh() {
    try {
      const app = await call('app.state', {});
      setUiLanguage(app.language);
      set({ app, loadError: null });
      return app;
    } catch (e) {
      set({ loadError: (e as Error).message });
      return get().app;
    }
  },
  setView(view) { sessionStorage.setItem(VIEW_KEY, view); set({ view }); },
  setSessionId(id) { if (id) sessionStorage.setItem(SESSION_KEY, id); else sessionStorage.removeItem(SESSION_KEY); set({ sessionId: id }); },
  bump() { set((s) => ({ dataVersion: s.dataVersion + 1 })); },
}));
