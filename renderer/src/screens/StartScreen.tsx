/** Start screen: recent masterplans, create a new one (from the Denpasar OPD template or empty), open a file. */
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, FileButton, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { readAsBase64 } from '../components/files';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { OPD_TEMPLATES } from '../../../shared/reference';
import { ApiError, call } from '../api/client';
import { useApp } from '../store/app';
import { errorMessage } from '../components/notify';

export function StartScreen() {
  const { t } = useTranslation();
  const app = useApp((s) => s.app)!;
  const refresh = useApp((s) => s.refresh);
  const setView = useApp((s) => s.setView);
  const [error, setError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  const [openPath, setOpenPath] = useState('');
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear();
  const form = useForm({
    initialValues: { regionKind: 'kota', regionName: '', province: '', title: '', periodStart: year, periodEnd: year + 9, opdTemplate: 'kota-denpasar-2021' as string | null },
    validate: {
      regionName: (v) => (v.trim() ? null : t('start.regionRequired')),
      periodEnd: (v, all) => (v < all.periodStart ? t('errors.PERIOD_RANGE') : null),
    },
  });

  const open = async (path: string) => {
    setError(null); setBusy(true);
    try { await call('masterplan.open', { path }); setView('capture'); await refresh(); } catch (e) {
      setError(errorMessage(e));
      setDamaged(e instanceof ApiError && e.code === 'FILE_CORRUPT' ? path : null);
      await refresh();
    } finally { setBusy(false); }
  };
  const join = async (file: File) => {
    setError(null); setBusy(true);
    try { await call('sync.join', { fileName: file.name, base64: await readAsBase64(file) }); setView('capture'); await refresh(); } catch (e) { setError(errorMessage(e)); } finally { setBusy(false); }
  };
  const pick = async () => {
    try { const r = await call('app.pickFile', { purpose: 'open-masterplan' }); if (r.path) await open(r.path); } catch (e) { setError(errorMessage(e)); }
  };
  const create = form.onSubmit(async (v) => {
    setError(null); setBusy(true);
    try {
      await call('masterplan.create', {
        regionKind: v.regionKind as 'kota' | 'kabupaten', regionName: v.regionName, province: v.province, periodStart: v.periodStart,
        periodEnd: v.periodEnd, opdTemplate: v.opdTemplate === 'empty' ? null : v.opdTemplate, ...(v.title.trim() ? { title: v.title } : {}),
      });
      setView('setup');
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.field && e.field in form.values) form.setFieldError(e.field, e.message); else setError(errorMessage(e));
    } finally { setBusy(false); }
  });

  return (
    <Stack p="xl" maw={1100} mx="auto">
      <Group justify="space-between">
        <div>
          <Title order={2}>Rembuk</Title>
          <Text c="dimmed">{t('start.tagline')}</Text>
        </div>
        <Text size="sm" c="dimmed">{t('start.dataDir')}: {app.dataDir}</Text>
      </Group>
      {error && (
        <Alert color="red" withCloseButton onClose={() => { setError(null); setDamaged(null); }} data-testid="start-error">
          {error}
          {damaged && <Button mt="sm" size="xs" display="block" onClick={() => void call('backup.recover', { path: damaged }).then(() => { setError(null); setDamaged(null); setView('capture'); return refresh(); }).catch((e) => setError(errorMessage(e)))} data-testid="start-recover">{t('backup.recover')}</Button>}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="lg">
          <form onSubmit={create}>
            <Stack gap="sm">
              <Title order={4}>{t('start.create')}</Title>
              <Group grow>
                <Select label={t('start.regionKind')} data={[{ value: 'kota', label: t('region.kota') }, { value: 'kabupaten', label: t('region.kabupaten') }]} allowDeselect={false} {...form.getInputProps('regionKind')} />
                <TextInput label={t('start.regionName')} placeholder="Denpasar" data-testid="create-region" {...form.getInputProps('regionName')} />
              </Group>
              <TextInput label={t('start.province')} placeholder="Bali" data-testid="create-province" {...form.getInputProps('province')} />
              <TextInput label={t('start.titleOptional')} placeholder={t('start.titlePlaceholder')} {...form.getInputProps('title')} />
              <Group grow>
                <NumberInput label={t('start.periodStart')} min={1900} max={2200} data-testid="create-period-start" {...form.getInputProps('periodStart')} />
                <NumberInput label={t('start.periodEnd')} min={1900} max={2200} data-testid="create-period-end" {...form.getInputProps('periodEnd')} />
              </Group>
              <Select
                label={t('start.opdList')} allowDeselect={false} data-testid="create-template"
                data={[...Object.entries(OPD_TEMPLATES).map(([id, tpl]) => ({ value: id, label: t('start.templateOf', { label: tpl.label, count: tpl.opds.length }) })), { value: 'empty', label: t('start.templateEmpty') }]}
                {...form.getInputProps('opdTemplate')}
              />
              <Button type="submit" loading={busy} data-testid="create-submit">{t('start.createButton')}</Button>
            </Stack>
          </form>
        </Paper>
        <Stack>
          <Paper withBorder p="lg">
            <Title order={4} mb="sm">{t('start.recent')}</Title>
            {app.recent.length === 0 && <Text c="dimmed" size="sm">{t('start.noRecent')}</Text>}
            <Stack gap="xs">
              {app.recent.map((r) => (
                <Card key={r.path} withBorder padding="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} truncate>{r.title}</Text>
                      <Text size="xs" c="dimmed" truncate title={r.path}>{r.path}</Text>
                    </div>
                    <Group gap={4} wrap="nowrap">
                      {!r.exists && <Badge color="orange" variant="light">{t('start.missing')}</Badge>}
                      <Button size="xs" disabled={!r.exists} onClick={() => void open(r.path)} data-testid="recent-open">{t('start.open')}</Button>
                      <Tooltip label={t('start.forget')}>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('start.forget')} onClick={() => void call('app.forgetRecent', { path: r.path }).then(refresh)}>×</ActionIcon>
                      </Tooltip>
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="lg">
            <Title order={4} mb="sm">{t('start.openFile')}</Title>
            {app.canPickFiles ? (
              <Button variant="light" onClick={() => void pick()}>{t('start.browse')}</Button>
            ) : (
              <form onSubmit={(e) => { e.preventDefault(); if (openPath.trim()) void open(openPath.trim()); }}>
                <Group align="flex-end">
                  <TextInput style={{ flex: 1 }} label={t('start.pathLabel')} placeholder="/home/…/masterplan.sqlite" value={openPath} onChange={(e) => setOpenPath(e.currentTarget.value)} data-testid="open-path" />
                  <Button type="submit" variant="light" data-testid="open-path-submit">{t('start.open')}</Button>
                </Group>
              </form>
            )}
          </Paper>
          <Paper withBorder p="lg">
            <Title order={4} mb={4}>{t('sync.joinTitle')}</Title>
            <Text size="sm" c="dimmed" mb="sm">{t('sync.joinHint')}</Text>
            <FileButton onChange={(f) => f && void join(f)} accept=".rembuk,.sqlite,.db,application/octet-stream">
              {(props) => <Button {...props} variant="light" loading={busy} data-testid="start-join">{t('sync.chooseFile')}</Button>}
            </FileButton>
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
