/** Sync: export my work, import a colleague's file (preview first), resolve conflicts, and the sync folder. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictView, ImportReport, SyncStatus } from '../../../../shared/api/schemas';
import { ApiError, call } from '../../api/client';
import { useApp } from '../../store/app';
import { downloadBase64, readAsBase64 } from '../../components/files';
import { errorMessage, notifyError, notifyInfo } from '../../components/notify';
import { ConflictsPanel } from './ConflictsPanel';

type Loaded = { fileName: string; base64: string } | { path: string };
interface Preview { source: { kind: string; fileName: string; title: string; facilitator: string | null; createdAt: string | null; changes: number }; report: ImportReport }

const EFFECT_COLOR: Record<string, string> = { new: 'teal', changed: 'blue', deleted: 'red', restored: 'grape', conflict: 'orange' };

export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'id' ? 'id-ID' : 'en-GB';
  const { dataVersion, bump, pendingImport, setPendingImport, refresh, setView } = useApp();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<{ message: string; otherMasterplan: boolean } | null>(null);
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [folder, setFolder] = useState('');
  const resetRef = useRef<() => void>(null);

  const load = useCallback(() => {
    void call('sync.status', {}).then((s) => { setStatus(s); setFolder((f) => f || s.folder.path || ''); }).catch(notifyError);
    void call('sync.conflicts', {}).then(setConflicts).catch(notifyError);
  }, []);
  useEffect(load, [load, dataVersion]);

  const open = async (file: File | { path: string }) => {
    setError(null); setPreview(null); setUnderstood(false); setBusy(true);
    try {
      const l: Loaded = 'path' in file ? { path: file.path } : { fileName: file.name, base64: await readAsBase64(file) };
      setLoaded(l);
      setPreview(await call('sync.preview', l));
    } catch (e) {
      setError({ message: errorMessage(e), otherMasterplan: e instanceof ApiError && e.code === 'EXCHANGE_OTHER_MASTERPLAN' });
    } finally { setBusy(false); resetRef.current?.(); }
  };
  useEffect(() => { if (pendingImport) { void open('file' in pendingImport ? pendingImport.file : pendingImport); setPendingImport(null); } }, [pendingImport]); // eslint-disable-line react-hooks/exhaustive-deps

  const apply = async () => {
    if (!loaded || !preview) return;
    setBusy(true);
    try {
      const r = await call('sync.apply', { ...loaded, confirmed: understood });
      notifyInfo(t('sync.applied', { created: r.rows.created, changed: r.rows.changed + r.rows.restored, deleted: r.rows.deleted, conflicts: r.conflicts }));
      setPreview(null); setLoaded(null); bump(); load();
    } catch (e) { setError({ message: errorMessage(e), otherMasterplan: false }); } finally { setBusy(false); }
  };
  const join = async () => {
    if (!loaded) return;
    try { await call('sync.join', loaded); setLoaded(null); setError(null); setView('capture'); await refresh(); } catch (e) { notifyError(e); }
  };
  const exportFile = async (onlyNew: boolean) => {
    try {
      const r = await call('sync.exportFile', { onlyNew });
      downloadBase64(r.fileName, r.base64);
      notifyInfo(t('sync.exported', { count: r.changes, file: r.fileName }));
    } catch (e) { notifyError(e); }
  };
  const chooseFolder = async (path: string | null) => {
    try { setStatus(await call('sync.setFolder', { path })); if (!path) setFolder(''); } catch (e) { notifyError(e); }
  };

  const r = preview?.report;
  const byOpd = new Map<string, { title: string; effect: string }[]>();
  for (const p of r?.programs ?? []) byOpd.set(p.opd || '—', [...(byOpd.get(p.opd || '—') ?? []), p]);

  return (
    <Stack p="md" gap="md" maw={1200} mx="auto" data-testid="sync-screen">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">{t('sync.exportTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('sync.exportHint')}</Text>
          <Group>
            <Button onClick={() => void exportFile(false)} data-testid="sync-export">{t('sync.exportAll')}</Button>
            <Button variant="light" onClick={() => void exportFile(true)}>{t('sync.exportNew')}</Button>
          </Group>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">{t('sync.importTitle')}</Title>
          <Text size="sm" c="dimmed" mb="sm">{t('sync.importHint')}</Text>
          <FileButton onChange={(f) => f && void open(f)} accept=".rembuk,.sqlite,.db,application/octet-stream" resetRef={resetRef}>
            {(props) => <Button {...props} variant="light" loading={busy} data-testid="sync-import">{t('sync.chooseFile')}</Button>}
          </FileButton>
        </Paper>
      </SimpleGrid>

      {error && (
        <Alert color="red" title={t('app.errorTitle')} withCloseButton onClose={() => setError(null)} data-testid="sync-error">
          <Text size="sm">{error.message}</Text>
          {error.otherMasterplan && <Button mt="sm" size="xs" onClick={() => void join()} data-testid="sync-join">{t('sync.joinOther')}</Button>}
        </Alert>
      )}

      {preview && r && (
        <Paper withBorder p="md" data-testid="sync-preview">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('sync.previewTitle', { file: preview.source.fileName })}</Title>
            <Text size="sm" c="dimmed">{preview.source.facilitator ? t('sync.from', { who: preview.source.facilitator }) : t(`sync.kind.${preview.source.kind}`)}{preview.source.createdAt ? ` · ${new Date(preview.source.createdAt).toLocaleString(locale)}` : ''}</Text>
          </Group>
          {r.changes.new === 0 ? (
            <Text data-testid="sync-nothing-new">{t('sync.nothingNew')}</Text>
          ) : (
            <>
              <Group gap="xs" mb="sm">
                <Badge color="teal" variant="light">{t('sync.count.new', { n: r.rows.created })}</Badge>
                <Badge color="blue" variant="light">{t('sync.count.changed', { n: r.rows.changed + r.rows.restored })}</Badge>
                <Badge color="red" variant="light">{t('sync.count.deleted', { n: r.rows.deleted })}</Badge>
                <Badge color="orange" variant="light" data-testid="sync-preview-conflicts">{t('sync.count.conflicts', { n: r.conflicts })}</Badge>
                {r.autoMerged > 0 && <Badge color="grape" variant="light">{t('sync.count.merged', { n: r.autoMerged })}</Badge>}
                <Text size="xs" c="dimmed">{t('sync.count.changes', { n: r.changes.new, known: r.changes.known })}</Text>
              </Group>
              {r.needsConfirmation.map((w) => <Alert key={w} color="orange" mb="xs">{t(`sync.guard.${w}`, { share: Math.round(r.deletedShare * 100), hours: Math.round(r.futureMs / 3600_000) })}</Alert>)}
              {byOpd.size > 0 && (
                <Table fz="sm" striped mb="sm">
                  <Table.Thead><Table.Tr><Table.Th w={140}>OPD</Table.Th><Table.Th>{t('nav.programs')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {[...byOpd].map(([opd, list]) => (
                      <Table.Tr key={opd}><Table.Td>{opd}</Table.Td><Table.Td>{list.map((p, i) => <Badge key={i} mr={4} mb={2} variant="outline" color={EFFECT_COLOR[p.effect]} style={{ textTransform: 'none' }}>{t(`sync.effect.${p.effect}`)}: {p.title}</Badge>)}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {r.needsConfirmation.length > 0 && <Checkbox mb="sm" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} label={t('sync.understood')} />}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => { setPreview(null); setLoaded(null); }}>{t('common.cancel')}</Button>
            {r.changes.new > 0 && <Button onClick={() => void apply()} loading={busy} disabled={r.needsConfirmation.length > 0 && !understood} data-testid="sync-apply">{t('sync.apply')}</Button>}
          </Group>
        </Paper>
      )}

      <ConflictsPanel conflicts={conflicts} onChanged={(list) => { setConflicts(list); bump(); }} />

      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('sync.folderTitle')}</Title>
          {status && <Badge color={{ off: 'gray', ok: 'teal', unavailable: 'orange', 'needs-attention': 'red' }[status.folder.state]} data-testid="sync-folder-state">{t(`sync.folderState.${status.folder.state}`)}</Badge>}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">{t('sync.folderHint')}</Text>
        <Group align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('sync.folderPath')} placeholder="/media/usb/rembuk · C:\Users\…\OneDrive\Bimtek" value={folder} onChange={(e) => setFolder(e.currentTarget.value)} data-testid="sync-folder-path" />
          <Button onClick={() => void chooseFolder(folder.trim() || null)} disabled={!folder.trim()}>{t('sync.folderUse')}</Button>
          {status?.folder.path && <Button variant="subtle" color="gray" onClick={() => void chooseFolder(null)}>{t('sync.folderStop')}</Button>}
        </Group>
        {status?.folder.path && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('sync.folderTimes', { write: status.folder.lastWrite ? new Date(status.folder.lastWrite).toLocaleTimeString(locale) : '—', read: status.folder.lastRead ? new Date(status.folder.lastRead).toLocaleTimeString(locale) : '—' })}
            {status.folder.held.length > 0 ? ` · ${t('sync.folderHeld', { files: status.folder.held.join(', ') })}` : ''}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
