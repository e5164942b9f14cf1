/** The app frame: loads the backend state, replays unsent edits, and shows the start screen, the first-run
 * profile, or the open masterplan with its four views. */
import { useEffect } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, SegmentedControl, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call, onEvent } from './api/client';
import { useApp, type View } from './store/app';
import { installFlushOnExit, onSaved, replayJournal, setJournalOwner, useAutosave } from './store/autosave';
import { SaveIndicator } from './components/SaveIndicator';
import { ProfileDialog } from './screens/ProfileDialog';
import { StartScreen } from './screens/StartScreen';
import { CaptureScreen } from './screens/capture/CaptureScreen';
import { ProgramsScreen } from './screens/programs/ProgramsScreen';
import { DashboardScreen } from './screens/DashboardScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { SyncScreen } from './screens/sync/SyncScreen';
import { ExportScreen } from './screens/export/ExportScreen';
import { notifyError, notifyOpenFile } from './components/notify';
import { DuplicatesScreen } from './screens/duplicates/DuplicatesScreen';

let bumpTimer: ReturnType<typeof setTimeout> | undefined;
const bumpSoon = () => { clearTimeout(bumpTimer); bumpTimer = setTimeout(() => useApp.getState().bump(), 250); };

/** Keeps the path for the import preview (sync) and says so. */
function receiveOpenFile(path: string): void {
  useApp.getState().setPendingImport({ path });
  notifyOpenFile(path);
  if (useApp.getState().app?.current) useApp.getState().setView('sync');
}

export function App() {
  const { t } = useTranslation();
  const { app, loadError, view, setView, refresh } = useApp();
  const dataVersion = useApp((s) => s.dataVersion);

  useEffect(() => {
    installFlushOnExit();
    onSaved(bumpSoon);
    void refresh();
    const offChanged = onEvent('data.changed', bumpSoon);
    const offSync = onEvent('sync.status', bumpSoon);
    // a colleague's file dropped anywhere on the window opens its import preview
    const over = (e: DragEvent) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file || !/\.(rembuk|sqlite|db)$/i.test(file.name)) return;
      e.preventDefault();
      if (!useApp.getState().app?.current) return;
      useApp.getState().setPendingImport({ file });
      useApp.getState().setView('sync');
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    const offFlush = onEvent('app.flushRequested', () => {
      void useAutosave.getState().flush().finally(() => { void call('app.readyToClose', {}); });
    });
    // packaging: a .rembuk file opened by double-click (at launch, or later through the running window)
    const offOpenFile = onEvent('app.openFile', (p) => receiveOpenFile((p as { path: string }).path));
    void call('app.takeOpenFile', {}).then((r) => { if (r.path) receiveOpenFile(r.path); }, () => {});
    return () => { offChanged(); offFlush(); offSync(); offOpenFile(); window.removeEventListener('dragover', over); window.removeEventListener('drop', drop); };
  }, [refresh]);

  // Counts and titles in the header follow every change.
  useEffect(() => { if (dataVersion > 0) void refresh(); }, [dataVersion, refresh]);

  // Edits journaled for this masterplan and never confirmed are sent again when it is open.
  const masterplanId = app?.current?.masterplan.id ?? null;
  useEffect(() => {
    setJournalOwner(masterplanId);
    if (masterplanId) void replayJournal(masterplanId);
  }, [masterplanId]);

  const views: View[] = ['capture', 'programs', 'dashboard', 'setup', 'sync', 'export', 'duplicates'];
  useHotkeys(views.map((v, i) => [`alt+${i + 1}`, () => setView(v)] as [string, () => void]), []);

  if (!app) {
    return <Center h="100%">{loadError ? <Alert color="red" title={t('app.unreachable')}>{loadError}</Alert> : <Loader />}</Center>;
  }
  if (!app.profile) return <ProfileDialog firstRun />;
  if (!app.current) return <StartScreen />;

  const setLanguage = async (language: string) => {
    try { await call('app.setLanguage', { language: language as 'id' | 'en' }); await refresh(); } catch (e) { notifyError(e); }
  };
  const closeMasterplan = async () => {
    await useAutosave.getState().flush();
    try { await call('masterplan.close', {}); await refresh(); } catch (e) { notifyError(e); }
  };

  return (
    <>
      <header className="app-header">
        <Title order={4} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 240, flexShrink: 0 }} title={app.current.path} data-testid="masterplan-title">
          {app.current.masterplan.title}
        </Title>
        <Tabs value={view} onChange={(v) => v && setView(v as View)} variant="pills" style={{ flex: 1, minWidth: 0 }}>
          <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
            {views.map((v, i) => (
              <Tabs.Tab key={v} value={v} data-testid={`nav-${v}`} title={`Alt+${i + 1}`}
                rightSection={v === 'sync' && app.current!.counts.conflicts > 0 ? <Badge size="xs" color="orange" data-testid="nav-conflicts">{app.current!.counts.conflicts}</Badge> : undefined}>
                {t(`nav.${v}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SaveIndicator />
        <SegmentedControl size="xs" value={app.language} onChange={(v) => void setLanguage(v)} data={[{ value: 'id', label: 'ID' }, { value: 'en', label: 'EN' }]} aria-label={t('app.language')} />
        <Group gap={4}>
          <Text size="sm" c="dimmed" className="profile-name" title={t('app.profile')}>{app.profile.name}</Text>
          <Button variant="subtle" size="xs" onClick={() => void closeMasterplan()} data-testid="close-masterplan">{t('app.close')}</Button>
        </Group>
      </header>
      <main className="app-main">
        {view === 'capture' && <CaptureScreen />}
        {view === 'programs' && <ProgramsScreen />}
        {view === 'dashboard' && <DashboardScreen />}
        {view === 'setup' && <SetupScreen />}
        {view === 'sync' && <SyncScreen />}
        {view === 'export' && <ExportScreen />}
        {view === 'duplicates' && <DuplicatesScreen />}
      </main>
    </>
  );
}
